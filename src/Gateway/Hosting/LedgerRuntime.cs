using EPoomasi.Community;
using EPoomasi.Exchange;
using EPoomasi.Ledger;
using EPoomasi.LocalPostgres;
using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// The ledger as the gateway holds it: opened before the gateway listens (the configured database,
/// or a private embedded PostgreSQL), schema migrated, closed last. Everything else reaches the ledger
/// through <see cref="Ledger"/>, its one door.
/// </summary>
public sealed class LedgerRuntime(IOptions<LedgerOptions> options, TimeProvider time, ILogger<LedgerRuntime> logger) : IHostedService, IAsyncDisposable
{
    private PostgresCluster? _embedded;
    private LedgerModule? _ledger;
    private CommunityModule? _community;
    private ExchangeModule? _exchange;

    /// <summary>The ledger's door.</summary>
    public LedgerModule Ledger => _ledger ?? throw new InvalidOperationException("The ledger has not started.");

    /// <summary>The community module's door: members, onboarding and the coordinators' workflows, on the ledger.</summary>
    public CommunityModule Community => _community ?? throw new InvalidOperationException("The ledger has not started.");

    /// <summary>The exchange's door: listings, search and deals settled through the ledger's holds.</summary>
    public ExchangeModule Exchange => _exchange ?? throw new InvalidOperationException("The ledger has not started.");

    /// <summary>Where the ledger lives, for people: the embedded cluster's folder, or the configured server.</summary>
    public string DatabaseDescription => _embedded is { } embedded
        ? $"private PostgreSQL in {embedded.DataDirectory} on 127.0.0.1:{embedded.Port} (set Ledger__ConnectionString to use your own)"
        : new LedgerSettings(ConnectionString).DatabaseDescription;

    /// <summary>The connection string in use (the embedded one when none was configured).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        ConnectionString = settings.ConnectionString;
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            _embedded = await PostgresCluster.StartPersistentAsync(settings.DataDirectory, settings.EmbeddedPostgresPort, cancellationToken);
            await _embedded.EnsureDatabaseAsync("epoomasi", cancellationToken);
            ConnectionString = _embedded.ConnectionString("epoomasi");
            logger.StartedEmbeddedPostgres(_embedded.DataDirectory, _embedded.Port);
        }

        _ledger = await LedgerModule.OpenAsync(
            new LedgerSettings(ConnectionString)
            {
                Schema = settings.Schema,
                ParallelTransactions = settings.ParallelTransactions,
                MigrateAtStart = settings.MigrateAtStart,
                SeedSeoulDistricts = settings.SeedSeoulDistricts,
            },
            time,
            cancellationToken);
        _community = CommunityModule.Attach(_ledger);
        _exchange = ExchangeModule.Attach(_ledger, settings.Exchange, time);
        foreach (var (kind, count) in await _ledger.ReindexStaleAsync(cancellationToken)) logger.Reindexed(count, kind);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_ledger is not null)
        {
            await _ledger.DisposeAsync();
            _ledger = null;
            _community = null;
            _exchange = null;
        }

        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
            _embedded = null;
        }
    }
}
