using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// The connection pools for the ledger's own statements (everything but Marten's sessions): one for reads,
/// one for transfer transactions. Neither leaves anything behind in a session — no session settings, no
/// advisory locks, no temporary tables — so a connection going back to its pool is not reset. Npgsql's reset
/// keeps prepared statements, and so was seven statements (<c>SET SESSION AUTHORIZATION DEFAULT</c>,
/// <c>RESET ALL</c>, <c>UNLISTEN *</c>, …) run before every next use of the connection: as many as a
/// one-transfer transaction runs of its own (<c>pg_stat_statements</c>, spread at half load). A transaction
/// still open when its connection returns is rolled back all the same.
/// </summary>
internal sealed class LedgerConnections : IAsyncDisposable
{
    // Every statement of a transfer transaction finds its rows by key. For a set-based update joined to an
    // array of a thousand ids, PostgreSQL preferred a hash join over a sequential scan of the whole table
    // (auto_explain, 90,000 accounts), work that grows with the city rather than with the request; an
    // id = any(...) filter beside the join did not change its mind. The write pool's sessions price out
    // scans and joins that are not by key from the start, instead of three SET LOCAL statements per
    // transaction. With only plans by key left, they also keep one generic plan per prepared statement:
    // PostgreSQL otherwise planned the locking read afresh for every array of ids it was given, about
    // 160 µs each time (pg_stat_statements with track_planning, unary transfers at 1,200/s) against
    // 220 µs to run it.
    private const string KeyedPlansOnly = "-c enable_seqscan=off -c enable_hashjoin=off -c enable_mergejoin=off -c plan_cache_mode=force_generic_plan";

    private readonly NpgsqlDataSource _reads;
    private readonly NpgsqlDataSource _writes;

    public LedgerConnections(string connectionString)
    {
        var reads = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        var writes = new NpgsqlConnectionStringBuilder(reads.ConnectionString);
        writes.Options = string.IsNullOrWhiteSpace(writes.Options) ? KeyedPlansOnly : $"{writes.Options} {KeyedPlansOnly}";
        _reads = NpgsqlDataSource.Create(reads);
        _writes = NpgsqlDataSource.Create(writes);
    }

    /// <summary>An open connection for reading the ledger's tables; dispose it.</summary>
    public ValueTask<NpgsqlConnection> OpenForReadingAsync(CancellationToken cancellationToken) =>
        _reads.OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection for one transfer transaction; dispose it.</summary>
    public ValueTask<NpgsqlConnection> OpenForWritingAsync(CancellationToken cancellationToken) =>
        _writes.OpenConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _reads.DisposeAsync();
        await _writes.DisposeAsync();
    }
}
