using System.Globalization;
using System.Text;

namespace EPoomasi.Ledger.Modules.Searching;

/// <summary>
/// Writes a module's tokens as PostgreSQL <c>tsvector</c> and <c>tsquery</c> text, every lexeme quoted and escaped,
/// and within PostgreSQL's limits, so that no token can make the cast fail inside a write transaction that other
/// callers share.
/// </summary>
internal static class SearchVectors
{
    public const int MaxLexemeLength = 100;
    public const int MaxLexemes = 4_000;
    private const int MaxPosition = 16_383;
    private const int MaxPositionsPerLexeme = 255;

    /// <summary>The tokens as <c>tsvector</c> text, or null when there are none.</summary>
    public static string? Vector(IReadOnlyList<SearchToken>? tokens)
    {
        if (tokens is null || tokens.Count == 0) return null;
        var lexemes = tokens
            .Select(t => (Lexeme: Clean(t.Lexeme), Position: Math.Clamp(t.Position, 1, MaxPosition)))
            .Where(t => t.Lexeme.Length > 0)
            .GroupBy(t => t.Lexeme, StringComparer.Ordinal)
            .Take(MaxLexemes)
            .ToList();
        if (lexemes.Count == 0) return null;
        var text = new StringBuilder();
        foreach (var lexeme in lexemes)
        {
            if (text.Length > 0) text.Append(' ');
            Quote(text, lexeme.Key).Append(':')
                .AppendJoin(',', lexeme.Select(t => t.Position).Distinct().Order().Take(MaxPositionsPerLexeme).Select(p => p.ToString(CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }

    /// <summary>The query as <c>tsquery</c> text, or null when it holds no lexeme.</summary>
    public static string? Query(SearchQuery query)
    {
        var groups = query.AllOf
            .Select(group => group.Select(Phrase).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
            .Where(group => group.Count > 0)
            .Select(group => "(" + string.Join(" | ", group) + ")")
            .ToList();
        return groups.Count == 0 ? null : string.Join(" & ", groups);
    }

    private static string? Phrase(SearchPhrase phrase)
    {
        var lexemes = phrase.Lexemes.Select(Clean).Where(l => l.Length > 0).Take(32).ToList();
        if (lexemes.Count == 0) return null;
        var text = new StringBuilder("(");
        for (var i = 0; i < lexemes.Count; i++)
        {
            if (i > 0) text.Append(" <-> ");
            Quote(text, lexemes[i]);
            if (phrase.Prefix && i == lexemes.Count - 1) text.Append(":*");
        }

        return text.Append(')').ToString();
    }

    // Inside quotes, a quote is doubled and a backslash escaped; NUL cannot be stored at all.
    private static StringBuilder Quote(StringBuilder text, string lexeme) =>
        text.Append('\'').Append(lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'');

    private static string Clean(string? lexeme)
    {
        var text = (lexeme ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal).Trim();
        if (text.Length <= MaxLexemeLength) return text;
        // Never half a surrogate pair: the database takes only whole characters.
        return text[..(char.IsHighSurrogate(text[MaxLexemeLength - 1]) ? MaxLexemeLength - 1 : MaxLexemeLength)];
    }
}
