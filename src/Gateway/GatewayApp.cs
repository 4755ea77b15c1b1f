using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Limits;
using EPoomasi.Gateway.Security;

namespace EPoomasi.Gateway;

/// <summary>Builds the gateway; <c>Program</c> runs it, and end-to-end tests start it on ports of their own.</summary>
public static class GatewayApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddLedger();
        builder.AddGatewaySecurity();
        builder.AddGatewayLimits();
        builder.AddGatewayGrpc();

        var app = builder.Build();
        app.MapGateway();
        return app;
    }
}
