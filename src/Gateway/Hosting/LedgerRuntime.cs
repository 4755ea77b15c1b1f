using EPoomasi.Ledger.Auditing;
using EPoomasi.Ledger.Auditing.Journal;
using EPoomasi.Ledger.Reading;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers.ExpiringHold;
using EPoomasi.Ledger.Writing;
using EPoomasi.LocalPostgres;
using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// The ledger as the gateway holds it: started before the gateway listens (the configured database,
/// or a private embedded PostgreSQL), schema migrated, stopped last.
/// </summary>
public sealed class LedgerRuntime(IOptions<LedgerOptions> options, TimeProvider time, ILogger<LedgerRuntime> logger) : IHostedService, IAsyncDisposable
{
    private PostgresCluster? _embedded;
    private LedgerStore? _store;

    public LedgerStore Store => _store ?? throw new InvalidOperationException("The ledger has not started.");

    public TransferWriter Transfers { get; private set; } = null!;

    /// <summary>Where RPCs send transfers: concurrent requests share transactions.</summary>
    public GroupCommitter Committer { get; private set; } = null!;

    public AdminWriter Admin { get; private set; } = null!;

    public LedgerReader Reader { get; private set; } = null!;

    public HoldExpirer Expirer { get; private set; } = null!;

    public JournalSealer Sealer { get; private set; } = null!;

    public JournalVerifier Verifier { get; private set; } = null!;

    public ProjectionRebuild Rebuild { get; private set; } = null!;

    /// <summary>Where the ledger lives, for people: the embedded cluster's folder, or the configured server.</summary>
    public string DatabaseDescription => _embedded is { } embedded
        ? $"private PostgreSQL in {embedded.DataDirectory} on 127.0.0.1:{embedded.Port} (set Ledger__ConnectionString to use your own)"
        : $"{new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString}";

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

        _store = LedgerStore.Open(ConnectionString, time, settings.Schema);
        await _store.MigrateAsync(carryLayoutForward: settings.MigrateAtStart);
        Transfers = new TransferWriter(_store, settings.ParallelTransactions);
        Committer = new GroupCommitter(Transfers);
        Admin = new AdminWriter(_store);
        Reader = new LedgerReader(_store);
        Expirer = new HoldExpirer(_store, Transfers);
        Sealer = new JournalSealer(_store);
        Verifier = new JournalVerifier(_store);
        Rebuild = new ProjectionRebuild(_store);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Committer is not null)
        {
            await Committer.DisposeAsync();
            Committer = null!;
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }

        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
            _embedded = null;
        }
    }
}
