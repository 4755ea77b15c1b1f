using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

/// <summary>Statement pages follow AIP-158: each page hands back an opaque token for the next, and a token fits one account's statement only.</summary>
public sealed class a_statement_is_read_a_page_at_a_time_with_opaque_tokens(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task following_the_tokens_reads_every_entry_once_in_order()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        for (var i = 1; i <= 4; i++) await Seed.PayAsync(gateway, GatewayFixture.Member(district, kim), kim, lee, i);
        var ledger = gateway.Ledger(GatewayFixture.Member(district, kim));

        var pages = new List<ListStatementEntriesResponse>();
        var token = "";
        do
        {
            var page = await ledger.ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = kim, PageSize = 2, PageToken = token }, cancellationToken: Ct);
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0 && pages.Count < 10);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Entries.Count));
        Assert.Equal([60L, -1, -2, -3, -4], pages.SelectMany(p => p.Entries).Select(e => e.Side == EntrySide.Credit ? e.AmountMinutes : -e.AmountMinutes));
        Assert.Equal("", pages[^1].NextPageToken);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_token_of_another_statement_or_no_token_at_all_is_refused_by_name()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        await Seed.PayAsync(gateway, GatewayFixture.Member(district, kim), kim, lee, 1);
        var coordinator = gateway.Ledger(GatewayFixture.Coordinator(district));
        var kims = await coordinator.ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = kim, PageSize = 1 }, cancellationToken: Ct);

        var foreign = await Assert.ThrowsAsync<RpcException>(() =>
            coordinator.ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = lee, PageToken = kims.NextPageToken }, cancellationToken: Ct).ResponseAsync);
        var garbage = await Assert.ThrowsAsync<RpcException>(() =>
            coordinator.ListStatementEntriesAsync(new ListStatementEntriesRequest { AccountId = kim, PageToken = "not-a-token" }, cancellationToken: Ct).ResponseAsync);

        Assert.NotEqual("", kims.NextPageToken);
        Assert.All([foreign, garbage], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.All([foreign, garbage], e => Assert.Contains("page_token", e.Status.Detail + string.Join(",", e.Trailers.Select(t => t.Key)), StringComparison.Ordinal));
    }
}
