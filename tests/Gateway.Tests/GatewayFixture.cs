using System.Net;
using System.Net.Sockets;
using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.Gateway.Security;
using EPoomasi.LocalPostgres;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(EPoomasi.Gateway.Tests.GatewayFixture))]

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A real gateway on real loopback ports, over a throwaway PostgreSQL, for the whole run. Tests reach it
/// only through generated gRPC clients, HTTP and gRPC-Web, as any app would.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    /// <summary>The key every test gateway trusts; tokens signed with anything else are forged.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("gateway-tests-signing-key-32-bytes!!"));

    /// <summary>Arguments that make a gateway trust <see cref="SigningKey"/> and serve the development issuer.</summary>
    public static readonly string[] AuthArgs = [$"--Auth:SigningKeys:0={SigningKey}", "--Auth:DevelopmentIssuerEnabled=true"];

    public static readonly DevelopmentTokenIssuer Issuer = IssuerFor(SigningKey);

    private WebApplication? _app;

    /// <summary>
    /// Test gateways write no log to the console: hundreds of expected denials would push a failing test's message out
    /// of the tail CI prints. Tests that read logs add a capture or an exporter of their own.
    /// </summary>
    public const string QuietConsole = "--Logging:Console:LogLevel:Default=None";

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
            QuietConsole,
            // Tests share a few identities; they must not throttle one another.
            "--Limits:MemberRequestsPerSecond=100000",
            "--Limits:OfficialRequestsPerSecond=100000",
            "--Limits:PartnerAppRequestsPerSecond=100000",
            "--Limits:AnonymousRequestsPerSecond=100000",
            .. AuthArgs,
        ]);
        await _app.StartAsync();
        Channel = GrpcChannel.ForAddress(GrpcAddress);
    }

    public static DevelopmentTokenIssuer IssuerFor(string signingKey)
    {
        var options = new AuthOptions { SigningKeys = [signingKey] };
        return new DevelopmentTokenIssuer(options, new TokenKeys(options), TimeProvider.System);
    }

    public static string Token(Role role, string subject, string? district = null, params Guid[] accounts) =>
        Issuer.Issue(role, subject, district, accounts, TimeSpan.FromHours(1)).Token;

    public static string Administrator => Token(Role.Administrator, "administrator:e2e");

    public static string Auditor => Token(Role.Auditor, "auditor:e2e");

    public static string Coordinator(string district) => Token(Role.Coordinator, $"coordinator:{district}", district);

    public static string Member(string district, params string[] accounts) =>
        Token(Role.Member, "member:e2e", district, accounts.Select(Guid.Parse).ToArray());

    public LedgerService.LedgerServiceClient Ledger(string token) => new(Invoker(token));

    public AdministrationService.AdministrationServiceClient Administration(string token) => new(Invoker(token));

    public Contracts.Community.V1.CommunityService.CommunityServiceClient Community(string token) => new(Invoker(token));

    public Contracts.Exchange.V1.ExchangeService.ExchangeServiceClient Exchange(string token) => new(Invoker(token));

    public Contracts.Exchange.V1.LoanService.LoanServiceClient Loans(string token) => new(Invoker(token));

    public CallInvoker Invoker(string? token, string? apiKey = null) => Channel.CreateCallInvoker().Intercept(headers =>
    {
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        if (apiKey is not null)
        {
            headers.Add("x-api-key", apiKey);
        }

        return headers;
    });

    /// <summary>Items waiting in the gateway's write queue: what a test waits on to fill it, never what it asserts.</summary>
    public int WaitingItems() => _app!.Services.GetRequiredService<Hosting.LedgerRuntime>().Ledger.WaitingItems;

    /// <summary>Calls over <paramref name="channel"/> (another gateway's) carrying <paramref name="token"/>.</summary>
    public static CallInvoker As(GrpcChannel channel, string token) => channel.CreateCallInvoker().Intercept(headers =>
    {
        headers.Add("authorization", $"Bearer {token}");
        return headers;
    });

    /// <summary>A second gateway process on the same database, with settings of its own.</summary>
    public Task<(WebApplication App, GrpcChannel Channel, Uri Http)> StartAnotherAsync(params string[] settings) =>
        StartGatewayAsync(DatabaseConnectionString, settings);

    /// <summary>A gateway on free loopback ports over <paramref name="connectionString"/>, trusting the test key, started.</summary>
    public static Task<(WebApplication App, GrpcChannel Channel, Uri Http)> StartGatewayAsync(string connectionString, params string[] settings) =>
        StartGatewayAsync(connectionString, null, settings);

    /// <summary>A second gateway on the same database, with a last word on its host (a test's exporters, say) and settings of its own.</summary>
    public Task<(WebApplication App, GrpcChannel Channel, Uri Http)> StartConfiguredAsync(Action<WebApplicationBuilder> configure, params string[] settings) =>
        StartGatewayAsync(DatabaseConnectionString, configure, settings);

    /// <summary>A second gateway on the same database whose every log line goes to <paramref name="logs"/> as well.</summary>
    public Task<(WebApplication App, GrpcChannel Channel, Uri Http)> StartLoggingAsync(LogCapture logs, params string[] settings) =>
        StartGatewayAsync(DatabaseConnectionString, builder => builder.Logging.AddProvider(logs), settings);

    private static async Task<(WebApplication App, GrpcChannel Channel, Uri Http)> StartGatewayAsync(
        string connectionString, Action<WebApplicationBuilder>? configure, string[] settings)
    {
        var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
        var http = new Uri($"http://127.0.0.1:{FreePort()}");
        var app = GatewayApp.Create(
        [
            $"--Ledger:ConnectionString={connectionString}",
            $"--Kestrel:Endpoints:Grpc:Url={grpc}",
            $"--Kestrel:Endpoints:Http:Url={http}",
            "--Logging:LogLevel:Default=Critical",
            QuietConsole,
            .. AuthArgs,
            .. settings,
        ], configure);
        await app.StartAsync();
        return (app, GrpcChannel.ForAddress(grpc), http);
    }

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
