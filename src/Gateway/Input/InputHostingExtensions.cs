using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EPoomasi.Gateway.Input;

/// <summary>What the gateway checks of every request before a handler sees it.</summary>
public static class InputHostingExtensions
{
    public static IHostApplicationBuilder AddGatewayInput(this IHostApplicationBuilder builder)
    {
        // In place of grpc-dotnet's own binder: the same methods, with request decoding failures answered as INVALID_ARGUMENT.
        var defaultBinder = builder.Services.Single(s => s.ServiceType == typeof(IServiceMethodProvider<>)
            && s.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true);
        builder.Services.Remove(defaultBinder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(DecodingMethodProvider<>)));
        builder.Services.AddSingleton<GrpcFrames>();
        builder.Services.AddSingleton<JsonRequests>();
        return builder;
    }
}
