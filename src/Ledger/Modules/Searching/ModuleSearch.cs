using System.Text.RegularExpressions;

namespace EPoomasi.Ledger.Modules.Searching;

/// <summary>How a page of search results is ordered. Ties fall back to the entity's key.</summary>
public enum SearchOrder
{
    /// <summary>Best match first (the query's text is needed).</summary>
    Relevance,

    /// <summary>By the instant in <see cref="ModuleSearch.OrderField"/>, earliest first.</summary>
    EarliestFirst,

    /// <summary>By the instant in <see cref="ModuleSearch.OrderField"/>, latest first.</summary>
    LatestFirst,
}

/// <summary>
/// A search of one kind's entities: those whose state contains <paramref name="Matching"/> (JSON containment), match
/// <paramref name="Text"/> when given, and hold in <paramref name="LaterThanField"/> an instant after
/// <paramref name="LaterThan"/> when given; a page of them, skipping <paramref name="Offset"/>.
/// Field names are the state's JSON property names, as the module writes them.
/// </summary>
public sealed partial record ModuleSearch(
    object Matching,
    SearchQuery? Text = null,
    string? LaterThanField = null,
    DateTimeOffset LaterThan = default,
    SearchOrder Order = SearchOrder.Relevance,
    string? OrderField = null,
    int Offset = 0,
    int PageSize = 20)
{
    /// <summary>Most results a search skips: deeper than this, a person refines the search instead.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>What is wrong with the search, or null.</summary>
    public string? Problem() => this switch
    {
        { Offset: < 0 or > MaxOffset } => $"A search skips 0 to {MaxOffset} results.",
        { PageSize: < 1 or > 1_000 } => "A search page holds 1 to 1,000 results.",
        { LaterThanField: { } field } when !FieldName().IsMatch(field) => "A field name is a JSON property name: letters, digits and underscores.",
        { OrderField: { } field } when !FieldName().IsMatch(field) => "A field name is a JSON property name: letters, digits and underscores.",
        { Order: not SearchOrder.Relevance, OrderField: null } => "An order by instant names its field.",
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex FieldName();
}
