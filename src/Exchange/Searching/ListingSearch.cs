using EPoomasi.Exchange.Listings;
using EPoomasi.Ledger.Modules.Searching;

namespace EPoomasi.Exchange.Searching;

/// <summary>How search results are ordered.</summary>
public enum ListingOrder
{
    /// <summary>
    /// Best match first, among the most recently listed or changed matches (<see cref="ModuleSearch.RelevanceWindow"/>);
    /// newest first when there is no text.
    /// </summary>
    Relevance,

    /// <summary>Most recently listed or changed first.</summary>
    Newest,
    ExpiringSoonest,
}

/// <summary>A search of the open listings: text (optional) and filters, a page of them after skipping <paramref name="Offset"/>.</summary>
public sealed record ListingSearch(
    string? Text = null,
    ListingCategory? Category = null,
    string? DistrictId = null,
    ListingKind? Kind = null,
    ListingType? Type = null,
    ListingOrder Order = ListingOrder.Relevance,
    int Offset = 0,
    int PageSize = 20)
{
    public const int TextMaxLength = 200;

    /// <summary>Whether a page after one of <paramref name="found"/> results can hold more.</summary>
    public bool HasMoreAfter(int found) =>
        found == PageSize && Offset + PageSize < (Order == ListingOrder.Relevance && !string.IsNullOrWhiteSpace(Text) ? ModuleSearch.RelevanceWindow : ModuleSearch.MaxOffset);

    /// <summary>What is wrong with the search, or null.</summary>
    public string? Problem() => this switch
    {
        { Text.Length: > TextMaxLength } => $"검색어는 {TextMaxLength}자까지입니다. / Search text has at most {TextMaxLength} characters.",
        { PageSize: < 1 or > ExchangeModule.MaxPageSize } => $"한 쪽에 1~{ExchangeModule.MaxPageSize}개입니다. / A page holds 1 to {ExchangeModule.MaxPageSize} listings.",
        { Offset: < 0 or > ModuleSearch.MaxOffset } => "검색 결과를 더 넘길 수 없습니다: 검색어를 좁혀 주세요. / That is too deep into the results: narrow the search.",
        _ when Category is { } c && !Enum.IsDefined(c) || Kind is { } k && !Enum.IsDefined(k) || Type is { } t && !Enum.IsDefined(t) || !Enum.IsDefined(Order) =>
            "알 수 없는 필터입니다. / Unknown filter value.",
        _ => null,
    };

    /// <summary>
    /// The filters, as the listing's state is written: only the fields given. Only active listings are found without
    /// asking, since a listing is indexed with an end (<c>search_until</c>) only while it is active.
    /// </summary>
    internal Dictionary<string, object> Filter()
    {
        var filter = new Dictionary<string, object>();
        if (Category is { } category) filter["category"] = category.ToString();
        if (!string.IsNullOrEmpty(DistrictId)) filter["districtId"] = DistrictId;
        if (Kind is { } kind) filter["kind"] = kind.ToString();
        if (Type is { } type) filter["type"] = type.ToString();
        return filter;
    }
}
