using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Limits;
using EPoomasi.Gateway.Security;

namespace EPoomasi.Gateway;

/// <summary>Builds the gateway; <c>Program</c> runs it, and end-to-end tests start it on ports of their own.</summary>
public static class GatewayApp
{
    /// <param name="args">Command-line arguments: configuration overrides.</param>
    /// <param name="configure">A last word on the host before it is built, e.g. a test's log capture.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings files live beside the binary, wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddLedger();
        builder.AddGatewaySecurity();
        builder.AddGatewayLimits();
        configure?.Invoke(builder);
        builder.AddGatewayGrpc();

        var app = builder.Build();
        app.MapGateway();
        return app;
    }
}
