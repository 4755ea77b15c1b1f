namespace EPoomasi.Ledger.Modules.Searching;

/// <summary>
/// What a search asks for, in the module's own tokens: every group must match, and a group matches when any of
/// its phrases does. Nothing here is parsed as query syntax, so no text a person types can break a search.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<SearchPhrase>> AllOf)
{
    /// <summary>True when there is nothing to look for.</summary>
    public bool IsEmpty => AllOf.All(group => group.All(phrase => phrase.Lexemes.Count == 0));
}

/// <summary>Lexemes at consecutive positions; with <paramref name="Prefix"/>, the last one matches any word it begins.</summary>
public sealed record SearchPhrase(IReadOnlyList<string> Lexemes, bool Prefix = false);
