namespace EPoomasi.Ledger.Storage;

/// <summary>The sealed links of the hash chain over the event log, one per sealed event row, by sequence.</summary>
internal static class JournalLinksTable
{
    public const string Name = "journal_links";

    public static string Create(string schema) =>
        $"create table if not exists {schema}.{Name} (seq_id bigint primary key, hash bytea not null, sealed_at timestamptz not null)";
}
