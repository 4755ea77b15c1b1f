using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// The two advisory locks that let the journal be sealed safely from several gateway processes on one
/// database (docs/journal.md, "Sealing, off the write path").
/// <list type="bullet">
/// <item><b>Append</b>: every transaction that may append to the event log takes it, shared, before anything
/// else, and holds it to its end. Nobody takes it exclusively: the sealer only lists its holders, and waits
/// for them to end before it seals the numbers handed out before it looked (<see cref="Auditing.Journal.JournalSealer"/>).</item>
/// <item><b>Seal</b>: one sealer at a time, whichever process it runs in.</item>
/// </list>
/// Both are keyed by the schema, so ledgers in two schemas of one database do not wait for each other.
/// </summary>
internal static class JournalLocks
{
    /// <summary>The statement an appending transaction runs first (it returns one row, of no interest).</summary>
    public static string TakeAppendShared(string schema) => $"select pg_advisory_xact_lock_shared(hashtext('epoomasi-append'), hashtext('{schema}'))";

    /// <summary>
    /// The virtual transaction ids of every transaction holding the append lock on this database, as a text array
    /// (empty, not null, when none). Advisory locks are listed for the whole cluster, hence the database.
    /// </summary>
    public static string AppendHolders(string schema) =>
        "select coalesce(array_agg(virtualtransaction), '{}') from pg_locks where locktype = 'advisory' and granted " +
        "and database = (select oid from pg_database where datname = current_database()) " +
        $"and classid = hashtext('epoomasi-append')::oid and objid = hashtext('{schema}')::oid and objsubid = 2";

    public static string TakeSeal(string schema) => $"select pg_advisory_xact_lock(hashtext('epoomasi-seal'), hashtext('{schema}'))";

    /// <summary>Takes the append lock, shared, inside the transaction open on <paramref name="connection"/>.</summary>
    public static async Task TakeAppendSharedAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TakeAppendShared(schema), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
