using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

public sealed class a_trial_balance_pages_its_members_and_sums_them_all(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task every_member_comes_once_in_pages_of_the_size_asked_and_every_page_carries_the_whole_districts_sums()
    {
        var district = await Seed.DistrictAsync(gateway);
        var members = new List<string>();
        for (var i = 0; i < 5; i++) members.Add(await Seed.MemberAsync(gateway, district, welcomeMinutes: 60));
        var auditor = gateway.Ledger(GatewayFixture.Auditor);

        var pages = new List<GetTrialBalanceResponse>();
        var token = "";
        do
        {
            var page = await auditor.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district, PageSize = 2, PageToken = token }, cancellationToken: Ct);
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages.Count);
        Assert.Equal([AccountKind.Issuance, AccountKind.CommunityPot], pages[0].Accounts.Take(2).Select(a => a.Kind));
        var listedMembers = pages.SelectMany(p => p.Accounts).Where(a => a.Kind == AccountKind.Member).Select(a => a.AccountId).ToList();
        Assert.Equal(members.Order(StringComparer.Ordinal), listedMembers.Order(StringComparer.Ordinal));
        Assert.Equal(members.Count, listedMembers.Distinct().Count());
        Assert.All(pages, p => Assert.Equal((0L, 300L, 300L, 5L), (p.TotalMinutes, p.IssuedMinutes, p.InCirculationMinutes, p.MemberCount)));
        Assert.Equal(0, pages.SelectMany(p => p.Accounts).Sum(a => a.BalanceMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_token_of_another_district_or_a_size_out_of_range_is_refused_naming_its_field()
    {
        var district = await Seed.DistrictAsync(gateway);
        var other = await Seed.DistrictAsync(gateway);
        for (var i = 0; i < 2; i++) await Seed.MemberAsync(gateway, other);
        var auditor = gateway.Ledger(GatewayFixture.Auditor);
        var othersToken = (await auditor.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = other, PageSize = 1 }, cancellationToken: Ct)).NextPageToken;

        var wrongList = await Assert.ThrowsAsync<RpcException>(() => auditor.GetTrialBalanceAsync(
            new GetTrialBalanceRequest { DistrictId = district, PageToken = othersToken }, cancellationToken: Ct).ResponseAsync);
        var tooLarge = await Assert.ThrowsAsync<RpcException>(() => auditor.GetTrialBalanceAsync(
            new GetTrialBalanceRequest { DistrictId = district, PageSize = 1_001 }, cancellationToken: Ct).ResponseAsync);

        Assert.NotEmpty(othersToken);
        Assert.Equal((StatusCode.InvalidArgument, "page_token"), (wrongList.StatusCode, wrongList.FieldOf()));
        Assert.Equal((StatusCode.InvalidArgument, "page_size"), (tooLarge.StatusCode, tooLarge.FieldOf()));
    }
}
