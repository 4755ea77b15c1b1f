using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// The connection pools for the ledger's own statements (everything but Marten's sessions): one for reads,
/// one for finds whose best plan depends on what is sought, one for transfer transactions. None leaves anything
/// behind in a session — no session settings, no advisory locks, no temporary tables — so a connection going back
/// to its pool is not reset. Npgsql's reset keeps prepared statements, and so was seven statements
/// (<c>SET SESSION AUTHORIZATION DEFAULT</c>, <c>RESET ALL</c>, <c>UNLISTEN *</c>, …) run before every next use
/// of the connection: as many as a one-transfer transaction runs of its own (<c>pg_stat_statements</c>, spread at
/// half load). A transaction still open when its connection returns is rolled back all the same.
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

    // A search for a syllable in half of all listings and one for a word in a hundred want different plans: walk the
    // newest until enough match, or read the few matches through the text index. PostgreSQL switches an auto-prepared
    // statement to one generic plan after five runs when that plan's estimate looks no worse, and for the exchange's
    // search that plan reads every match and sorts them: a hundred times the work for a common word. Finds are
    // planned for their values every time, and still parsed once per connection.
    private const string PlannedForTheirValues = "-c plan_cache_mode=force_custom_plan";

    private readonly NpgsqlDataSource _reads;
    private readonly NpgsqlDataSource _finds;
    private readonly NpgsqlDataSource _writes;

    /// <param name="connectionString">Sized already (<see cref="FixedSizePools"/>); each of the three pools takes its sizes.</param>
    public LedgerConnections(string connectionString)
    {
        var reads = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        _reads = NpgsqlDataSource.Create(reads);
        _finds = NpgsqlDataSource.Create(WithOptions(reads, PlannedForTheirValues));
        _writes = NpgsqlDataSource.Create(WithOptions(reads, KeyedPlansOnly));
    }

    private static NpgsqlConnectionStringBuilder WithOptions(NpgsqlConnectionStringBuilder settings, string options)
    {
        var with = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        with.Options = string.IsNullOrWhiteSpace(with.Options) ? options : $"{with.Options} {options}";
        return with;
    }

    /// <summary>An open connection for reading the ledger's tables; dispose it.</summary>
    public ValueTask<NpgsqlConnection> OpenForReadingAsync(CancellationToken cancellationToken) =>
        _reads.OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection for a search or a list by contents, planned for its values each time; dispose it.</summary>
    public ValueTask<NpgsqlConnection> OpenForFindingAsync(CancellationToken cancellationToken) =>
        _finds.OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection for one transfer transaction; dispose it.</summary>
    public ValueTask<NpgsqlConnection> OpenForWritingAsync(CancellationToken cancellationToken) =>
        _writes.OpenConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _reads.DisposeAsync();
        await _finds.DisposeAsync();
        await _writes.DisposeAsync();
    }
}
