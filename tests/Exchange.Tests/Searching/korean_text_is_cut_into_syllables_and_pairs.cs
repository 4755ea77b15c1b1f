using EPoomasi.Exchange.Searching;

namespace EPoomasi.Exchange.Tests.Searching;

/// <summary>The tokenizer on its own: what a document is found by, and what a query looks for.</summary>
public sealed class korean_text_is_cut_into_syllables_and_pairs
{
    [Fact]
    public void a_hangul_word_gives_each_syllable_and_each_pair_at_its_position_and_latin_words_whole_with_their_beginnings()
    {
        var tokens = KoreanText.Index(["청소도우미 Bike-Repair TV"]);

        Assert.Equal(
            [("청", 1), ("청소", 1), ("소", 2), ("소도", 2), ("도", 3), ("도우", 3), ("우", 4), ("우미", 4), ("미", 5),
                ("bike", 6), ("bik", 6), ("repair", 7), ("rep", 7), ("repa", 7), ("repai", 7), ("tv", 8)],
            tokens.Select(t => (t.Lexeme, t.Position)));
    }

    [Fact]
    public void a_long_latin_word_is_indexed_with_beginnings_up_to_twelve_letters_and_queried_as_a_prefix_beyond()
    {
        var lexemes = KoreanText.Index(["internationalization"]).Select(t => t.Lexeme).ToList();
        var beyond = KoreanText.Query("internationaliz").AllOf.Single().Single();
        var within = KoreanText.Query("internationa").AllOf.Single().Single();

        Assert.Equal(11, lexemes.Count);
        Assert.Contains("internationa", lexemes);
        Assert.DoesNotContain("internationali", lexemes);
        Assert.True(beyond.Prefix);
        Assert.False(within.Prefix);
    }

    [Fact]
    public void a_query_word_is_a_phrase_of_pairs_also_tried_without_its_particle()
    {
        var query = KoreanText.Query("서울에서 bik 집");

        Assert.Equal(3, query.AllOf.Count);
        Assert.Equal([["서울", "울에", "에서"], ["서울"]], query.AllOf[0].Select(p => p.Lexemes.ToArray()));
        Assert.Equal(["bik"], query.AllOf[1].Single().Lexemes);
        Assert.False(query.AllOf[1].Single().Prefix);
        Assert.Equal(["집"], query.AllOf[2].Single().Lexemes);
    }

    [Fact]
    public void punctuation_and_query_syntax_are_only_separators()
    {
        Assert.True(KoreanText.Query("'):* & !( | <-> \\").IsEmpty);
        Assert.Equal(["o", "brien"], KoreanText.Query("O'Brien").AllOf.Select(g => g.Single().Lexemes.Single()));
    }
}
