namespace EPoomasi.Ledger.Documents;

/// <summary>
/// Module documents, one mutable row each. They are not events and are not in the journal: a row is
/// corrected by overwriting it and erased by deleting it, which is what personal data needs.
/// </summary>
internal static class ModuleDocumentsTable
{
    public const string Name = "module_documents";

    public static string Create(string schema) =>
        $"""
        create table if not exists {schema}.{Name} (
            kind text not null,
            key text not null,
            scope text,
            body jsonb not null,
            changed_by text not null,
            changed_at timestamptz not null,
            primary key (kind, key));
        create index if not exists {Name}_by_scope on {schema}.{Name} (kind, scope, key);
        """;
}
