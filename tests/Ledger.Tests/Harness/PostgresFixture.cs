using EPoomasi.Ledger.Storage;
using EPoomasi.LocalPostgres;

[assembly: AssemblyFixture(typeof(EPoomasi.Ledger.Tests.Harness.PostgresFixture))]

namespace EPoomasi.Ledger.Tests.Harness;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run, with a template database that already
/// holds the ledger schema: every test ledger is a fresh copy of it.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string Template = "ledger_template";
    private int _databases;

    public PostgresCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cluster = await PostgresCluster.StartTemporaryAsync(CancellationToken.None);
        await Cluster.CreateDatabaseAsync(Template, null, CancellationToken.None);
        await using var store = LedgerStore.Open(Cluster.ConnectionString(Template), TimeProvider.System);
        await store.MigrateAsync();
    }

    /// <summary>A new database holding an empty ledger; its connection string.</summary>
    public async Task<string> CreateLedgerDatabaseAsync()
    {
        var name = $"ledger_{Interlocked.Increment(ref _databases)}";
        await Cluster.CreateDatabaseAsync(name, Template, CancellationToken.None);
        return Cluster.ConnectionString(name) + ";Maximum Pool Size=30";
    }

    /// <summary>A new database with nothing in it; its connection string.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"empty_{Interlocked.Increment(ref _databases)}";
        await Cluster.CreateDatabaseAsync(name, null, CancellationToken.None);
        return Cluster.ConnectionString(name) + ";Maximum Pool Size=30";
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
