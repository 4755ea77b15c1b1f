using System.Globalization;
using System.Text;
using EPoomasi.Ledger.Modules.Searching;

namespace EPoomasi.Exchange.Searching;

/// <summary>
/// Cuts text into search words the way Korean is written, with no dictionary: PostgreSQL here has no Korean parser.
/// A run of Hangul syllables gives every syllable and every pair of neighbouring syllables, at the syllable's
/// position, so that 청소 is found inside 청소도우미 and 서울 inside 서울에서, particles and all. Any other run
/// of letters and digits (English, say) is one word, in lower case, with its beginnings from three letters on at the
/// same position, so that a query word finds the words it begins by an exact match (bik finds bike): PostgreSQL knows
/// how common an exact word is and plans accordingly, which it cannot for a prefix match.
/// </summary>
public static class KoreanText
{
    /// <summary>The longest beginning of a word that is indexed; a longer query word is matched as a prefix.</summary>
    public const int MaxIndexedPrefix = 12;

    private const int MinPrefix = 3;

    // The particles a query most often ends with; a query word is also looked for without one.
    private static readonly string[] Particles =
        ["에서", "에게", "한테", "까지", "부터", "으로", "이랑", "은", "는", "이", "가", "을", "를", "에", "의", "와", "과", "도", "로", "만", "랑"];

    /// <summary>The words a document is found by, with their positions.</summary>
    public static IReadOnlyList<SearchToken> Index(IEnumerable<string?> texts)
    {
        var tokens = new List<SearchToken>();
        var position = 1;
        foreach (var text in texts)
        {
            foreach (var run in Runs(text ?? string.Empty))
            {
                if (run.Hangul)
                {
                    for (var i = 0; i < run.Text.Length; i++)
                    {
                        tokens.Add(new SearchToken(run.Text[i].ToString(), position + i));
                        if (i + 1 < run.Text.Length) tokens.Add(new SearchToken(run.Text.Substring(i, 2), position + i));
                    }

                    position += run.Text.Length;
                }
                else
                {
                    tokens.Add(new SearchToken(run.Text, position));
                    for (var length = MinPrefix; length < Math.Min(run.Text.Length, MaxIndexedPrefix + 1); length++)
                    {
                        tokens.Add(new SearchToken(run.Text[..length], position));
                    }

                    position++;
                }
            }

            // A gap between fields, so that no phrase runs from one into the next.
            position += 2;
        }

        return tokens;
    }

    /// <summary>
    /// What a person typed, as a query: every word must be found. A Hangul word of one syllable is that syllable,
    /// of two a pair, of more its pairs in a row; one ending in a particle is also looked for without it. Other words
    /// match any word they begin (from three letters on): up to <see cref="MaxIndexedPrefix"/> letters as an indexed
    /// beginning, longer ones as a prefix.
    /// </summary>
    public static SearchQuery Query(string text)
    {
        var groups = new List<IReadOnlyList<SearchPhrase>>();
        foreach (var run in Runs(text ?? string.Empty).Take(16))
        {
            if (!run.Hangul)
            {
                groups.Add([new SearchPhrase([run.Text], Prefix: run.Text.Length > MaxIndexedPrefix)]);
                continue;
            }

            var phrases = new List<SearchPhrase> { Hangul(run.Text) };
            foreach (var particle in Particles)
            {
                if (run.Text.Length - particle.Length >= 2 && run.Text.EndsWith(particle, StringComparison.Ordinal))
                {
                    phrases.Add(Hangul(run.Text[..^particle.Length]));
                    break;
                }
            }

            groups.Add(phrases);
        }

        return new SearchQuery(groups);
    }

    private static SearchPhrase Hangul(string word) => word.Length == 1
        ? new SearchPhrase([word])
        : new SearchPhrase(Enumerable.Range(0, word.Length - 1).Select(i => word.Substring(i, 2)).ToList());

    private readonly record struct Run(string Text, bool Hangul);

    private static IEnumerable<Run> Runs(string text)
    {
        var current = new StringBuilder();
        bool? hangul = null;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            bool? kind = IsHangul(c) ? true : char.IsLetterOrDigit(c) ? false : null;
            if (kind != hangul && current.Length > 0)
            {
                yield return new Run(current.ToString(), hangul!.Value);
                current.Clear();
            }

            hangul = kind;
            if (kind is not null) current.Append(kind.Value ? c : char.ToLower(c, CultureInfo.InvariantCulture));
        }

        if (current.Length > 0) yield return new Run(current.ToString(), hangul!.Value);
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
