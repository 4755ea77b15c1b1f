using EPoomasi.Gateway.Hosting;
using EPoomasi.Gateway.Limits;
using EPoomasi.Gateway.Security;
using EPoomasi.LocalPostgres;
using EPoomasi.WebConsole;

namespace EPoomasi.Gateway;

/// <summary>Builds the gateway; <c>Program</c> runs it, and end-to-end tests start it on ports of their own.</summary>
public static class GatewayApp
{
    /// <summary>
    /// Runs the gateway until it is stopped; the process's exit code. A failure a person can fix (a port
    /// in use, a data folder PostgreSQL cannot reach) is told in plain words, without a stack trace.
    /// </summary>
    public static int Run(string[] args)
    {
        if (args.FirstOrDefault() == "migrate")
        {
            return Migrate(args[1..]);
        }

        var app = Create(args);
        if (ListeningPorts.FindBusy(app.Configuration) is { } busy)
        {
            Console.Error.WriteLine(busy);
            return 2;
        }

        try
        {
            app.Run();
            return 0;
        }
        catch (Exception cannotStart) when (cannotStart is LocalPostgresException or Ledger.StorageLayoutException)
        {
            Console.Error.WriteLine(cannotStart.Message);
            return 1;
        }
    }

    /// <summary>
    /// <c>migrate</c>: carries the ledger's database forward to this version's storage layout and stops, for an
    /// operator who runs gateways with <c>Ledger:MigrateAtStart=false</c> and changes the layout on purpose.
    /// </summary>
    private static int Migrate(string[] args)
    {
        // The ledger alone: migrating needs no keys, ports or partners.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args, "--Ledger:MigrateAtStart=true"], ContentRootPath = AppContext.BaseDirectory });
        builder.AddLedger();
        using var app = builder.Build();
        var ledger = app.Services.GetRequiredService<LedgerRuntime>();
        try
        {
            ledger.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"장부 데이터베이스가 이 버전의 저장 형식입니다 / The ledger's database is in this version's storage layout: {ledger.DatabaseDescription}");
            ledger.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            return 0;
        }
        catch (Exception refused) when (refused is LocalPostgresException or Ledger.StorageLayoutException)
        {
            Console.Error.WriteLine(refused.Message);
            return 1;
        }
    }

    /// <param name="args">Command-line arguments: configuration overrides.</param>
    /// <param name="configure">A last word on the host before it is built, e.g. a test's log capture.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings files live beside the binary, wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddLedger();
        builder.AddGatewaySecurity();
        builder.AddGatewayLimits();
        Telemetry.TelemetryHostingExtensions.AddGatewayTelemetry(builder);
        builder.Services.AddHostedService<StartupBanner>();
        configure?.Invoke(builder);
        builder.AddGatewayGrpc();
        builder.Services.AddWebConsole();

        var app = builder.Build();
        app.MapGateway();
        app.MapWebConsole();
        return app;
    }
}
