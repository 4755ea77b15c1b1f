namespace EPoomasi.Ledger.Modules.Searching;

/// <summary>
/// How an entity is found: the words of its text, as the module's tokenizer cut them, and, when it is found only for
/// a while, the instant it stops being found (a listing's expiry). An entity with no <paramref name="Until"/> is found
/// only by searches that do not ask for entities active at an instant.
/// </summary>
public sealed record SearchEntry(IReadOnlyList<SearchToken> Tokens, DateTimeOffset? Until = null);

/// <summary>A search entry as the states table keeps it.</summary>
internal sealed record SearchRow(string? Vector, DateTimeOffset? Until)
{
    public static readonly SearchRow None = new(null, null);
}
