using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// The two advisory locks that let the journal be sealed safely from several gateway processes on one
/// database (docs/journal.md, "Where sealing stops").
/// <list type="bullet">
/// <item><b>Append</b>: every transaction that may append to the event log takes it, shared, before anything
/// else, and holds it to its end. Sealing takes it exclusively for an instant: once it has it, no transaction
/// that could still write an event holds a sequence number, so every number handed out so far is final —
/// written and committed, or never to be written.</item>
/// <item><b>Seal</b>: one sealer at a time, whichever process it runs in.</item>
/// </list>
/// Both are keyed by the schema, so ledgers in two schemas of one database do not wait for each other.
/// </summary>
internal static class JournalLocks
{
    /// <summary>The statement an appending transaction runs first (it returns one row, of no interest).</summary>
    public static string TakeAppendShared(string schema) => $"select pg_advisory_xact_lock_shared(hashtext('epoomasi-append'), hashtext('{schema}'))";

    public static string TakeAppendExclusive(string schema) => $"select pg_advisory_xact_lock(hashtext('epoomasi-append'), hashtext('{schema}'))";

    public static string TakeSeal(string schema) => $"select pg_advisory_xact_lock(hashtext('epoomasi-seal'), hashtext('{schema}'))";

    /// <summary>Takes the append lock, shared, inside the transaction open on <paramref name="connection"/>.</summary>
    public static async Task TakeAppendSharedAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TakeAppendShared(schema), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
