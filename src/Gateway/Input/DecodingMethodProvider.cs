using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace EPoomasi.Gateway.Input;

/// <summary>
/// Binds each gRPC service as grpc-dotnet's own binder does, but with a request marshaller that answers a
/// message it cannot decode (invalid UTF-8 in a string, a truncated message, a malformed varint) with
/// INVALID_ARGUMENT instead of letting the decoder's exception end the call as UNKNOWN and be logged as a
/// server error. Registered in place of the default binder (<see cref="InputHostingExtensions"/>).
/// </summary>
public sealed class DecodingMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (FindBindMethod(typeof(TService)) is { } bind)
        {
            bind.Method.Invoke(null, [new Binder(context, bind.ServiceBase), null]);
        }
    }

    // Generated service bases carry [BindServiceMethod] naming their static BindService(ServiceBinderBase, base).
    private static (MethodInfo Method, Type ServiceBase)? FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                var method = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServiceBinderBase), type]);
                return method is null ? null : (method, type);
            }
        }

        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Decoding.Guard(method), Metadata(method.Name, out var handlerMethod),
                Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Decoding.Guard(method), Metadata(method.Name, out var handlerMethod),
                Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Decoding.Guard(method), Metadata(method.Name, out var handlerMethod),
                Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Decoding.Guard(method), Metadata(method.Name, out var handlerMethod),
                Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        private static TDelegate Invoker<TDelegate>(MethodInfo handlerMethod) where TDelegate : Delegate =>
            (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handlerMethod);

        // The service's override of the generated virtual method, and its attributes and the service's.
        private List<object> Metadata(string name, out MethodInfo handlerMethod)
        {
            handlerMethod = typeof(TService).GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .SingleOrDefault(m => m.Name == name && m.IsVirtual && m.GetBaseDefinition().DeclaringType == serviceBase)
                ?? throw new InvalidOperationException($"{typeof(TService)} has no method {name} of {serviceBase}.");
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handlerMethod.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return metadata;
        }
    }
}
