using EPoomasi.Gateway.Errors;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EPoomasi.Gateway.Input;

/// <summary>Refuses, before anything reads it, a request with a field no part of the system can hold (<see cref="RequestFields"/>).</summary>
public sealed class RequestFieldsInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private static void Check<TRequest>(TRequest request)
    {
        if (request is IMessage message)
        {
            var violations = new FieldViolations();
            RequestFields.Check(message, violations);
            violations.ThrowIfAny();
        }
    }
}
