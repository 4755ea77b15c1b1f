using System.Net;
using System.Net.Sockets;
using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.LocalPostgres;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

[assembly: AssemblyFixture(typeof(EPoomasi.Gateway.Tests.GatewayFixture))]

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A real gateway on real loopback ports, over a throwaway PostgreSQL, for the whole run. Tests reach it
/// only through generated gRPC clients, HTTP and gRPC-Web, as any app would.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public PostgresCluster Postgres { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public Uri GrpcAddress { get; private set; } = null!;

    public Uri HttpAddress { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Postgres = await PostgresCluster.StartTemporaryAsync(CancellationToken.None);
        await Postgres.CreateDatabaseAsync("gateway", null, CancellationToken.None);
        DatabaseConnectionString = Postgres.ConnectionString("gateway");
        (GrpcAddress, HttpAddress) = (new Uri($"http://127.0.0.1:{FreePort()}"), new Uri($"http://127.0.0.1:{FreePort()}"));
        _app = GatewayApp.Create(
        [
            $"--Ledger:ConnectionString={DatabaseConnectionString}",
            "--Ledger:FeedPollMilliseconds=50",
            "--Ledger:HoldExpiryIntervalSeconds=1",
            $"--Kestrel:Endpoints:Grpc:Url={GrpcAddress}",
            $"--Kestrel:Endpoints:Http:Url={HttpAddress}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        Channel = GrpcChannel.ForAddress(GrpcAddress);
    }

    public LedgerService.LedgerServiceClient Ledger(string actor = "member:e2e") =>
        new(Channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("epoomasi-actor", actor);
            return headers;
        }));

    public AdministrationService.AdministrationServiceClient Administration() =>
        new(Channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("epoomasi-actor", "coordinator:e2e");
            return headers;
        }));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}
