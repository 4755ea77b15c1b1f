using System.Text;
using EPoomasi.Gateway.Errors;
using Google.Protobuf;
using Grpc.Core;

namespace EPoomasi.Gateway.Input;

/// <summary>Request marshallers whose decoding failures are the caller's error, answered INVALID_ARGUMENT.</summary>
public static class Decoding
{
    /// <summary><paramref name="method"/> with a request deserializer that turns a decoding failure into INVALID_ARGUMENT.</summary>
    public static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var inner = method.RequestMarshaller;
        var guarded = Marshallers.Create(inner.ContextualSerializer, context =>
        {
            try
            {
                return inner.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException malformed)
            {
                throw Undecodable(method.FullName, malformed.Message);
            }
            catch (DecoderFallbackException notUtf8)
            {
                throw Undecodable(method.FullName, $"a string field is not valid UTF-8 ({notUtf8.Message})");
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, guarded, method.ResponseMarshaller);
    }

    private static RpcException Undecodable(string method, string reason) =>
        FieldViolations.For("", $"The request message for {method} could not be decoded as protocol buffers: {reason}");
}
