using EPoomasi.Exchange;
using EPoomasi.Ledger;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EPoomasi.Gateway.Telemetry;

/// <summary>
/// OpenTelemetry for the gateway: traces across gRPC, the ledger's writes and Npgsql; metrics of requests, the
/// ledger, the exchange, Npgsql and the runtime; logs that carry the trace and span ids. Exported over OTLP when
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the other <c>OTEL_*</c> variables) are set, and scraped by
/// Prometheus at <c>/metrics</c> on the HTTP port unless <c>Telemetry:Prometheus</c> is false.
/// </summary>
public static class TelemetryHostingExtensions
{
    public static IHostApplicationBuilder AddGatewayTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("epoomasi-gateway"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource([.. LedgerModule.TelemetrySources]))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter([GatewayTelemetry.Name, ExchangeModule.TelemetrySource, .. LedgerModule.TelemetrySources]);
                if (PrometheusEnabled(builder.Configuration)) metrics.AddPrometheusExporter();
            })
            .WithLogging(logging => { }, options => options.IncludeScopes = true);
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();
        // Every log line written inside a request carries its trace and span, whichever logger writes it.
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        return builder;
    }

    public static WebApplication MapGatewayTelemetry(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration)) app.MapPrometheusScrapingEndpoint();
        return app;
    }

    private static bool PrometheusEnabled(IConfiguration configuration) => configuration.GetValue("Telemetry:Prometheus", true);
}
