using System.Text.RegularExpressions;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Two members in different districts, from the CLI: they find each other in Korean, agree a service deal, complete
/// it with a partial claim and rate each other; another deal is disputed and a coordinator rules on it.
/// </summary>
[Collection(ConsoleOutput.Name)]
public sealed partial class two_neighbours_trade_from_the_cli(GatewayFixture gateway)
{
    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_drill_is_lent_for_a_fee_against_a_deposit_and_part_of_it_kept_for_a_broken_bit()
    {
        var (mapo, seocho) = (await Seed.DistrictAsync(gateway), await Seed.DistrictAsync(gateway));
        await LinkAsync(gateway, mapo, seocho);
        var (lender, borrower) = (await Seed.MemberAsync(gateway, mapo), await Seed.MemberAsync(gateway, seocho, welcomeMinutes: 600));
        var address = gateway.GrpcAddress.ToString();
        Task<(int, string)> Lender(params string[] args) => CliRun.RunAsync(address, GatewayFixture.Member(mapo, lender), args);
        Task<(int, string)> Borrower(params string[] args) => CliRun.RunAsync(address, GatewayFixture.Member(seocho, borrower), args);

        var (listed, _) = await Lender("listing", "create", "--kind", "offer", "--type", "loan", "--category", "goods", "--title", "전동 드릴 빌려드려요",
            "--minutes", "20m", "--deposit", "2h");
        var (searched, found) = await Borrower("search", "드릴", "--type", "loan", "--district", mapo);
        var listingId = Uuid().Match(found).Value;
        var (requested, request) = await Borrower("loan", "request", listingId, "3");
        var loan = Uuid().Match(request.Split("requested")[1]).Value;
        var (accepted, _) = await Lender("loan", "accept", loan);
        var (handed, handover) = await Lender("loan", "hand-over", loan);
        var (claimed, _) = await Lender("loan", "claim", loan, "30m", "--reason", "비트가 부러졌어요 / a bit broke");
        var (confirmed, confirmation) = await Borrower("loan", "confirm", loan);
        var (shown, show) = await Borrower("loan", "show", loan);
        var (listedLoans, loans) = await Lender("loan", "list", "--as", "lender");

        Assert.Equal((0, 0, 0, 0, 0, 0, 0, 0, 0), (listed, searched, requested, accepted, handed, claimed, confirmed, shown, listedLoans));
        Assert.Contains("(보증금 / deposit 2h 00m)", found, StringComparison.Ordinal);
        Assert.Contains("fee paid, deposit held", handover, StringComparison.Ordinal);
        Assert.Contains("paid 0h 30m of the deposit", confirmation, StringComparison.Ordinal);
        Assert.Contains("a bit broke", show, StringComparison.Ordinal);
        Assert.Contains($"{loan}  lender   kept", loans, StringComparison.Ordinal);
        Assert.Equal((550L, 0L, 50L), ((await AccountAsync(gateway, borrower)).BalanceMinutes, (await AccountAsync(gateway, borrower)).PendingDebitsMinutes,
            (await AccountAsync(gateway, lender)).BalanceMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_workshop_is_opened_joined_and_settled_for_those_who_came()
    {
        var district = await Seed.DistrictAsync(gateway);
        var provider = await Seed.MemberAsync(gateway, district);
        var (kim, lee) = (await Seed.MemberAsync(gateway, district, welcomeMinutes: 300), await Seed.MemberAsync(gateway, district, welcomeMinutes: 300));
        var address = gateway.GrpcAddress.ToString();
        Task<(int, string)> As(string account, params string[] args) => CliRun.RunAsync(address, GatewayFixture.Member(district, account), args);

        var (_, listing) = await As(provider, "listing", "create", "--kind", "offer", "--category", "culture", "--title", "천연 비누 만들기", "--minutes", "1h");
        var listingId = Uuid().Match(listing).Value;
        var (opened, opening) = await As(provider, "session", "open", listingId, "--seats", "2");
        var session = Uuid().Match(opening).Value;
        var (kimJoined, joining) = await As(kim, "session", "join", session);
        var (leeJoined, _) = await As(lee, "session", "join", session);
        var (settled, settlement) = await As(provider, "session", "settle", session, "--absent", lee);
        var (shown, show) = await As(provider, "session", "show", session);

        var (reported, report) = await As(lee, "listing", "report", listingId, "--reason", "재료비를 현금으로 받아요 / asks cash for materials");
        var reportId = Uuid().Match(report.Split("reported to")[1]).Value;
        var coordinator = GatewayFixture.Coordinator(district);
        var (listed, flagged) = await CliRun.RunAsync(address, coordinator, "report", "flagged");
        var (decided, decision) = await CliRun.RunAsync(address, coordinator, "report", "decide", reportId, "--decision", "주인과 이야기함 / talked to the owner");
        var (relisted, none) = await CliRun.RunAsync(address, coordinator, "report", "flagged");

        Assert.Equal((0, 0, 0, 0, 0), (opened, kimJoined, leeJoined, settled, shown));
        Assert.Equal((0, 0, 0, 0), (reported, listed, decided, relisted));
        Assert.Contains("asks cash for materials", flagged, StringComparison.Ordinal);
        Assert.Contains("recorded: 주인과 이야기함", decision, StringComparison.Ordinal);
        Assert.Contains("0건 / reports", none, StringComparison.Ordinal);
        Assert.Contains("1h 00m held (1/2)", joining, StringComparison.Ordinal);
        Assert.Contains("settled: 1명 paid 1h 00m each", settlement, StringComparison.Ordinal);
        Assert.Contains("빠짐 / left", show, StringComparison.Ordinal);
        Assert.Equal((240L, 300L, 60L), ((await AccountAsync(gateway, kim)).BalanceMinutes, (await AccountAsync(gateway, lee)).BalanceMinutes, (await AccountAsync(gateway, provider)).BalanceMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task find_agree_claim_less_confirm_rate_and_have_a_dispute_ruled()
    {
        var (mapo, seocho) = (await Seed.DistrictAsync(gateway), await Seed.DistrictAsync(gateway));
        await LinkAsync(gateway, mapo, seocho);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, mapo), await Seed.MemberAsync(gateway, seocho, welcomeMinutes: 600));
        var address = gateway.GrpcAddress.ToString();
        var (asProvider, asReceiver) = (GatewayFixture.Member(mapo, provider), GatewayFixture.Member(seocho, receiver));
        Task<(int, string)> Provider(params string[] args) => CliRun.RunAsync(address, asProvider, args);
        Task<(int, string)> Receiver(params string[] args) => CliRun.RunAsync(address, asReceiver, args);

        var (listed, listing) = await Provider("listing", "create", "--kind", "offer", "--category", "repair", "--title", "자전거 수리해 드려요",
            "--title-en", "Bike repair", "--description", "서울에서 펑크와 체인을 고쳐요", "--minutes", "2h");
        var (searched, found) = await Receiver("search", "자전거를", "--district", mapo);
        var listingId = Uuid().Match(found).Value;
        var (proposed, proposal) = await Receiver("deal", "propose", listingId, "--message", "토요일 오전에 가능할까요?");
        var deal = Uuid().Match(proposal.Split("proposed")[1]).Value;
        var (accepted, acceptance) = await Provider("deal", "accept", deal);
        var (claimed, _) = await Provider("deal", "claim", deal, "1h 30m");
        var (confirmed, confirmation) = await Receiver("deal", "confirm", deal);
        var (shown, shownDeal) = await Provider("deal", "show", deal);
        var (rated, _) = await Receiver("deal", "rate", deal, "5", "--comment", "빠르고 친절해요");
        var (ratedBack, _) = await Provider("deal", "rate", deal, "4");
        var (ratedTwice, twice) = await Receiver("deal", "rate", deal, "1");
        var (looked, feedback) = await Receiver("feedback", "--account", provider);

        Assert.Equal((0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0), (listed, searched, proposed, accepted, claimed, confirmed, shown, rated, ratedBack, ratedTwice, looked));
        Assert.Contains("listed:", listing, StringComparison.Ordinal);
        Assert.Contains("자전거 수리해 드려요 / Bike repair", found, StringComparison.Ordinal);
        Assert.Contains("proposed 2h 00m", proposal, StringComparison.Ordinal);
        Assert.Contains("2h 00m held", acceptance, StringComparison.Ordinal);
        Assert.Contains("paid 1h 30m", confirmation, StringComparison.Ordinal);
        Assert.Contains("토요일 오전에 가능할까요?", shownDeal, StringComparison.Ordinal);
        Assert.Contains("already rated", twice, StringComparison.Ordinal);
        Assert.Contains("★ 5.0 (1건 / ratings)", feedback, StringComparison.Ordinal);
        Assert.Equal((510L, 0L), ((await AccountAsync(gateway, receiver)).BalanceMinutes, (await AccountAsync(gateway, receiver)).PendingDebitsMinutes));
        Assert.Equal(90L, (await AccountAsync(gateway, provider)).BalanceMinutes);

        var second = Uuid().Match((await Receiver("deal", "propose", listingId, "--minutes", "60")).Item2.Split("proposed")[1]).Value;
        await Provider("deal", "accept", second);
        await Provider("deal", "claim", second, "60");
        var (disputed, _) = await Receiver("deal", "dispute", second, "--reason", "오지 않았어요");
        var (waited, waiting) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(seocho), "report", "deals", "--disputed");
        var (overseen, open) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(mapo), "report", "deals");
        var (ruledElsewhere, refusal) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(seocho), "deal", "resolve", second, "maybe", "--reason", "x");
        var (ruled, ruling) = await CliRun.RunAsync(address, GatewayFixture.Coordinator(seocho), "deal", "resolve", second, "void", "--reason", "방문 기록이 없음 / no record of a visit");

        Assert.Equal((0, 0, 0, 2, 0), (disputed, waited, overseen, ruledElsewhere, ruled));
        Assert.Contains("disputed 1", waiting, StringComparison.Ordinal);
        Assert.Contains($"{second}  disputed", waiting, StringComparison.Ordinal);
        Assert.Contains("이의 / disputed: 오지 않았어요", waiting, StringComparison.Ordinal);
        Assert.Contains("proposed 0, accepted 0, claimed 0, disputed 1", open, StringComparison.Ordinal);
        Assert.Contains("is not full, part or void", refusal, StringComparison.Ordinal);
        Assert.Contains("ruled void: nothing paid", ruling, StringComparison.Ordinal);
        Assert.Equal((510L, 0L), ((await AccountAsync(gateway, receiver)).BalanceMinutes, (await AccountAsync(gateway, receiver)).PendingDebitsMinutes));
    }
}
