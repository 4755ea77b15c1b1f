namespace EPoomasi.Ledger.Modules.Searching;

/// <summary>How a page of search results is ordered. Ties fall back to the entity's key.</summary>
public enum SearchOrder
{
    /// <summary>
    /// Best match first among the <see cref="ModuleSearch.RelevanceWindow"/> most recently changed matches (the query's
    /// text is needed): a term that matches a great many entities is ranked among the recent ones, which keeps every
    /// search fast however common its words.
    /// </summary>
    Relevance,

    /// <summary>Most recently created or changed first.</summary>
    Recent,

    /// <summary>The soonest <see cref="SearchEntry.Until"/> first.</summary>
    SoonestUntil,
}

/// <summary>
/// A search of one kind's entities: those whose state contains <paramref name="Matching"/> (JSON containment), match
/// <paramref name="Text"/> when given, and, with <paramref name="ActiveAt"/>, are still found at that instant
/// (<see cref="SearchEntry.Until"/> after it); a page of them, skipping <paramref name="Offset"/>.
/// </summary>
public sealed record ModuleSearch(
    object Matching,
    SearchQuery? Text = null,
    DateTimeOffset? ActiveAt = null,
    SearchOrder Order = SearchOrder.Relevance,
    int Offset = 0,
    int PageSize = 20)
{
    /// <summary>Most results a search skips: deeper than this, a person refines the search instead.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>How many of the most recent matches a search by relevance ranks.</summary>
    public const int RelevanceWindow = 50;

    /// <summary>What is wrong with the search, or null.</summary>
    public string? Problem() => this switch
    {
        { Offset: < 0 or > MaxOffset } => $"A search skips 0 to {MaxOffset} results.",
        { PageSize: < 1 or > 1_000 } => "A search page holds 1 to 1,000 results.",
        _ when !Enum.IsDefined(Order) => "Unknown order.",
        _ => null,
    };
}
