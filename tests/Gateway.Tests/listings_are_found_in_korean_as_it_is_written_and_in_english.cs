using EPoomasi.Contracts.Exchange.V1;
using Grpc.Core;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Search relevance on a fixed corpus, through the gateway: two-syllable nouns inside longer words, particles
/// attached, single syllables, English words and their beginnings; filters and pages; what leaves search.
/// </summary>
public sealed class listings_are_found_in_korean_as_it_is_written_and_in_english(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Title, string Description, string English, ListingCategory Category, ListingKind Kind)[] Corpus =
    [
        ("청소도우미 구합니다", "주 1회 집안 청소를 도와주실 분", "Cleaning helper wanted", ListingCategory.Housework, ListingKind.Request),
        ("요리교실 열어요", "김치찌개와 된장찌개를 함께 만들어요", "Cooking class", ListingCategory.Education, ListingKind.Offer),
        ("자전거 수리", "서울에서 자전거를 고쳐 드립니다", "Bike repair", ListingCategory.Repair, ListingKind.Offer),
        ("어르신 말벗", "외로운 어르신께 말벗이 되어 드려요", "Company for the elderly", ListingCategory.Care, ListingKind.Offer),
        ("아이 돌봄", "방과 후 아이를 돌봐 드려요", "After-school childcare", ListingCategory.Care, ListingKind.Offer),
        ("컴퓨터 설치", "노트북과 프린터 설치를 도와요", "Computer setup", ListingCategory.Repair, ListingKind.Offer),
    ];

    private async Task<(string District, Dictionary<string, string> Ids, ExchangeService.ExchangeServiceClient Member)> CorpusAsync()
    {
        var district = await Seed.DistrictAsync(gateway);
        var owner = await Seed.MemberAsync(gateway, district);
        var exchange = gateway.Exchange(GatewayFixture.Member(district, owner));
        var ids = new Dictionary<string, string>();
        foreach (var (title, description, english, category, kind) in Corpus)
        {
            ids[title] = await ListAsync(exchange, owner, title, description, english, kind, category);
        }

        return (district, ids, exchange);
    }

    private static async Task<IReadOnlyList<string>> TitlesAsync(ExchangeService.ExchangeServiceClient exchange, SearchListingsRequest request) =>
        (await exchange.SearchListingsAsync(request, cancellationToken: Ct)).Listings.Select(l => l.Text.Title).ToList();

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task korean_words_are_found_inside_longer_words_and_with_particles_attached()
    {
        var (district, _, exchange) = await CorpusAsync();
        Task<IReadOnlyList<string>> Find(string text) => TitlesAsync(exchange, new SearchListingsRequest { Text = text, DistrictId = district });

        Assert.Equal(["청소도우미 구합니다"], await Find("청소"));
        Assert.Equal(["청소도우미 구합니다"], await Find("도우미"));
        Assert.Equal(["요리교실 열어요"], await Find("요리"));
        Assert.Equal(["자전거 수리"], await Find("서울"));
        Assert.Equal(["자전거 수리"], await Find("서울에서"));
        Assert.Equal(["청소도우미 구합니다"], await Find("청소를"));
        Assert.Equal(["어르신 말벗"], await Find("말벗"));
        Assert.Equal(["요리교실 열어요"], await Find("찌개"));
        Assert.Equal(["아이 돌봄"], await Find("돌봄"));
        Assert.Equal(["어르신 말벗"], await Find("어르신 말벗"));
        Assert.Empty(await Find("청소 자전거"));
        Assert.Empty(await Find("세탁"));
        Assert.Contains("아이 돌봄", await Find("아"));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task english_words_and_their_beginnings_are_found_in_any_case()
    {
        var (district, _, exchange) = await CorpusAsync();
        Task<IReadOnlyList<string>> Find(string text) => TitlesAsync(exchange, new SearchListingsRequest { Text = text, DistrictId = district });

        Assert.Equal(["자전거 수리"], await Find("bike"));
        Assert.Equal(["자전거 수리"], await Find("Bike Repair"));
        Assert.Equal(["어르신 말벗"], await Find("elder"));
        Assert.Equal(["아이 돌봄"], await Find("childcare"));
        Assert.Equal(["요리교실 열어요"], await Find("COOKING"));
        Assert.Empty(await Find("plumbing"));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task filters_narrow_and_pages_follow_a_token_to_the_end()
    {
        var (district, _, exchange) = await CorpusAsync();

        var care = await TitlesAsync(exchange, new SearchListingsRequest { DistrictId = district, Category = ListingCategory.Care, Order = ListingOrder.Newest });
        var requests = await TitlesAsync(exchange, new SearchListingsRequest { DistrictId = district, Kind = ListingKind.Request });
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await exchange.SearchListingsAsync(new SearchListingsRequest { DistrictId = district, PageSize = 4, PageToken = token }, cancellationToken: Ct);
            seen.AddRange(page.Listings.Select(l => l.Text.Title));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var firstToken = (await exchange.SearchListingsAsync(new SearchListingsRequest { DistrictId = district, PageSize = 4 }, cancellationToken: Ct)).NextPageToken;
        var otherSearch = await Assert.ThrowsAsync<RpcException>(() => exchange.SearchListingsAsync(
            new SearchListingsRequest { DistrictId = district, Text = "다른", PageSize = 4, PageToken = firstToken }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["아이 돌봄", "어르신 말벗"], care);
        Assert.Equal(["청소도우미 구합니다"], requests);
        Assert.Equal(Corpus.Select(c => c.Title).Reverse(), seen);
        Assert.Equal(StatusCode.InvalidArgument, otherSearch.StatusCode);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_paused_or_withdrawn_listing_leaves_search_and_a_resumed_one_returns()
    {
        var (district, ids, exchange) = await CorpusAsync();
        var owner = (await exchange.GetListingAsync(new GetListingRequest { ListingId = ids["자전거 수리"] }, cancellationToken: Ct)).Listing.OwnerAccountId;
        async Task<ListingOutcome> SetAsync(string title, ListingStatus status) => (await exchange.SetListingStatusAsync(new SetListingStatusRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = ids[title], OwnerAccountId = owner, Status = status,
        }, cancellationToken: Ct)).Outcome;
        Task<IReadOnlyList<string>> Find(string text) => TitlesAsync(exchange, new SearchListingsRequest { Text = text, DistrictId = district });

        await SetAsync("자전거 수리", ListingStatus.Paused);
        var whilePaused = await Find("자전거");
        await SetAsync("자전거 수리", ListingStatus.Active);
        var resumed = await Find("자전거");
        await SetAsync("컴퓨터 설치", ListingStatus.Withdrawn);
        var afterWithdrawal = await SetAsync("컴퓨터 설치", ListingStatus.Active);
        var edited = (await exchange.EditListingAsync(new EditListingRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = ids["아이 돌봄"], OwnerAccountId = owner,
            Text = new ListingText { Type = ListingType.Service, Category = ListingCategory.Care, Title = "아이 돌봄과 숙제 지도", Description = "방과 후", Minutes = 60 },
        }, cancellationToken: Ct)).Outcome;

        Assert.Empty(whilePaused);
        Assert.Equal(["자전거 수리"], resumed);
        Assert.Empty(await Find("컴퓨터"));
        Assert.Equal(ListingResult.Withdrawn, afterWithdrawal.Result);
        Assert.Equal(ListingResult.Edited, edited.Result);
        Assert.Equal(["아이 돌봄과 숙제 지도"], await Find("숙제"));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_owner_lists_every_listing_of_theirs_in_every_status_a_page_at_a_time()
    {
        var (district, ids, exchange) = await CorpusAsync();
        var owner = (await exchange.GetListingAsync(new GetListingRequest { ListingId = ids["자전거 수리"] }, cancellationToken: Ct)).Listing.OwnerAccountId;
        var neighbour = await Seed.MemberAsync(gateway, district);
        await ListAsync(gateway.Exchange(GatewayFixture.Member(district, neighbour)), neighbour, "이웃의 자전거", "", "A neighbour's bike", ListingKind.Offer, ListingCategory.Repair);
        foreach (var (title, status) in new[] { ("자전거 수리", ListingStatus.Paused), ("컴퓨터 설치", ListingStatus.Withdrawn) })
        {
            await exchange.SetListingStatusAsync(new SetListingStatusRequest
            {
                RequestId = Guid.NewGuid().ToString(), ListingId = ids[title], OwnerAccountId = owner, Status = status,
            }, cancellationToken: Ct);
        }

        var seen = new List<Listing>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await exchange.ListOwnedListingsAsync(new ListOwnedListingsRequest { OwnerAccountId = owner, PageSize = 4, PageToken = token }, cancellationToken: Ct);
            seen.AddRange(page.Listings);
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);
        var otherList = await Assert.ThrowsAsync<RpcException>(async () => await exchange.ListOwnedListingsAsync(
            new ListOwnedListingsRequest { OwnerAccountId = owner, PageToken = "not-a-token" }, cancellationToken: Ct));

        Assert.Equal(2, pages);
        Assert.Equal(ids.Values.Order(StringComparer.Ordinal), seen.Select(l => l.ListingId).Order(StringComparer.Ordinal));
        Assert.All(seen, l => Assert.Equal(owner, l.OwnerAccountId));
        Assert.Equal(ListingStatus.Paused, seen.Single(l => l.Text.Title == "자전거 수리").Status);
        Assert.Equal(ListingStatus.Withdrawn, seen.Single(l => l.Text.Title == "컴퓨터 설치").Status);
        Assert.Equal(4, seen.Count(l => l.Status == ListingStatus.Active));
        Assert.Equal(StatusCode.InvalidArgument, otherList.StatusCode);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task only_the_owner_or_their_coordinator_changes_a_listing()
    {
        var (district, ids, _) = await CorpusAsync();
        var stranger = await Seed.MemberAsync(gateway, district);
        var asStranger = gateway.Exchange(GatewayFixture.Member(district, stranger));
        var asCoordinator = gateway.Exchange(GatewayFixture.Coordinator(district));
        var owner = (await asStranger.GetListingAsync(new GetListingRequest { ListingId = ids["요리교실 열어요"] }, cancellationToken: Ct)).Listing.OwnerAccountId;

        var notOwner = (await asStranger.SetListingStatusAsync(new SetListingStatusRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = ids["요리교실 열어요"], OwnerAccountId = stranger, Status = ListingStatus.Withdrawn,
        }, cancellationToken: Ct)).Outcome;
        var denied = await Assert.ThrowsAsync<RpcException>(() => asStranger.SetListingStatusAsync(new SetListingStatusRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = ids["요리교실 열어요"], OwnerAccountId = owner, Status = ListingStatus.Withdrawn,
        }, cancellationToken: Ct).ResponseAsync);
        var forThem = (await asCoordinator.SetListingStatusAsync(new SetListingStatusRequest
        {
            RequestId = Guid.NewGuid().ToString(), ListingId = ids["요리교실 열어요"], OwnerAccountId = owner, Status = ListingStatus.Paused,
        }, cancellationToken: Ct)).Outcome;

        Assert.Equal(ListingResult.NotOwner, notOwner.Result);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(ListingResult.StatusChanged, forThem.Result);
        Assert.Equal(ListingStatus.Paused, forThem.Listing.Status);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task hostile_listings_and_searches_are_the_callers_errors()
    {
        var district = await Seed.DistrictAsync(gateway);
        var owner = await Seed.MemberAsync(gateway, district);
        var exchange = gateway.Exchange(GatewayFixture.Member(district, owner));
        async Task<StatusCode> StatusOf(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).StatusCode;
        CreateListingRequest Listing(ListingText text, Google.Protobuf.WellKnownTypes.Timestamp? expires = null) =>
            new() { RequestId = Guid.NewGuid().ToString(), OwnerAccountId = owner, Kind = ListingKind.Offer, Text = text, ExpiresAt = expires };
        var good = new ListingText { Type = ListingType.Goods, Category = ListingCategory.Goods, Title = "유모차 나눔", Minutes = 30 };

        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.CreateListingAsync(Listing(new ListingText { Type = ListingType.Goods, Category = ListingCategory.Goods, Title = "" })).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.CreateListingAsync(Listing(new ListingText { Type = ListingType.Goods, Category = ListingCategory.Goods, Title = new string('가', 101) })).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.CreateListingAsync(Listing(new ListingText { Type = (ListingType)7, Category = ListingCategory.Goods, Title = "x" })).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.CreateListingAsync(Listing(new ListingText { Type = ListingType.Goods, Category = ListingCategory.Goods, Title = "x", Minutes = long.MaxValue })).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.CreateListingAsync(Listing(good, Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddYears(3)))).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.CreateListingAsync(Listing(good, new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = -5, Nanos = -1 })).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.SearchListingsAsync(new SearchListingsRequest { Text = new string('가', 201) }, cancellationToken: Ct).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.SearchListingsAsync(new SearchListingsRequest { PageToken = "garbage" }, cancellationToken: Ct).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => exchange.SearchListingsAsync(new SearchListingsRequest { Category = (ListingCategory)77 }, cancellationToken: Ct).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => exchange.ProposeDealAsync(new ProposeDealRequest { RequestId = Guid.NewGuid().ToString(), ListingId = Guid.NewGuid().ToString(), AccountId = owner }, cancellationToken: Ct).ResponseAsync));
        // Query syntax typed as text is only text: it finds nothing and breaks nothing.
        Assert.Empty((await exchange.SearchListingsAsync(new SearchListingsRequest { Text = "'):* & !( | <-> \\ '' :*", DistrictId = district }, cancellationToken: Ct)).Listings);
        Assert.Empty((await exchange.SearchListingsAsync(new SearchListingsRequest { Text = "!!! ??? ...", DistrictId = district }, cancellationToken: Ct)).Listings);
        var created = (await exchange.CreateListingAsync(Listing(new ListingText { Type = ListingType.Goods, Category = ListingCategory.Goods, Title = "O'Brien's \\ 'quoted' 도구", Description = "a:1 & b | !c <-> 'd'" }), cancellationToken: Ct)).Outcome;
        Assert.Equal(ListingResult.Created, created.Result);
        Assert.Single((await exchange.SearchListingsAsync(new SearchListingsRequest { Text = "o'brien", DistrictId = district }, cancellationToken: Ct)).Listings);
    }
}
