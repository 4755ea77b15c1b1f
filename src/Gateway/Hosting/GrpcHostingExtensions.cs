using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Input;
using EPoomasi.Gateway.Services;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace EPoomasi.Gateway.Hosting;

/// <summary>The gRPC surface: services, errors, health, reflection, JSON transcoding and gRPC-Web.</summary>
public static class GrpcHostingExtensions
{
    public static IHostApplicationBuilder AddGatewayGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddGrpc(options =>
            {
                // Outermost first: every call is counted as it left; every failure, authorization's own included, leaves as a proper status.
                options.Interceptors.Add<Telemetry.TelemetryInterceptor>();
                options.Interceptors.Add<ErrorInterceptor>();
                options.Interceptors.Add<Input.RequestFieldsInterceptor>();
                options.Interceptors.Add<Resilience.CircuitInterceptor>();
                options.Interceptors.Add<Security.AuthorizationInterceptor>();
                options.MaxReceiveMessageSize = builder.Configuration.GetSection("Limits").Get<Limits.LimitOptions>()?.MaxRequestBytes ?? new Limits.LimitOptions().MaxRequestBytes;
            })
            // Rich error details must be in the registry, or transcoding answers HTTP 500 instead of the error.
            .AddJsonTranscoding(options =>
            {
                options.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor);
                // Proto3 JSON: int64 as strings, which JavaScript numbers cannot hold exactly.
                options.JsonSettings.WriteInt64sAsStrings = true;
            });
        // Before the input checks: the OpenAPI generator registers gRPC's default method binder again, which
        // AddGatewayInput then replaces; the other way round, every method would be bound twice.
        builder.AddOpenApiDocument();
        builder.AddGatewayInput();
        var resilience = builder.Configuration.GetSection("Resilience").Get<Resilience.ResilienceOptions>() ?? new Resilience.ResilienceOptions();
        builder.Services.AddSingleton(resilience);
        builder.Services.AddSingleton<Resilience.DatabaseCircuit>();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<Limits.DefaultDeadlineMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<Limits.RequestBytesInFlight>();
        app.UseMiddleware<Input.GrpcFrames>();
        app.UseMiddleware<Input.JsonRequests>();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<LedgerGrpcService>();
        app.MapGrpcService<AdministrationGrpcService>();
        app.MapGrpcService<PartnerAppGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<CommunityGrpcService>();
        app.MapGrpcService<ReportGrpcService>();
        app.MapGrpcService<ExchangeGrpcService>();
        app.MapGrpcService<LoanGrpcService>();
        app.MapGrpcHealthChecksService();
        if (app.Services.GetRequiredService<Security.AuthOptions>().DevelopmentIssuerEnabled)
        {
            app.MapGrpcService<DevelopmentTokenGrpcService>();
        }

        app.MapGrpcReflectionService();
        app.MapOpenApiDocument();
        Telemetry.TelemetryHostingExtensions.MapGatewayTelemetry(app);
        app.MapGet("/", () => "e-poomasi gateway: gRPC on HTTP/2, JSON and gRPC-Web on HTTP/1.1. Try: dotnet run --project src/Cli -- demo");
        return app;
    }
}
