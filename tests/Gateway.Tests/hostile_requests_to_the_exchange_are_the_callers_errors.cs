using EPoomasi.Contracts.Exchange.V1;
using Grpc.Core;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>Malformed and out-of-range requests to every exchange RPC a member sends are the caller's errors: never UNKNOWN or INTERNAL.</summary>
public sealed class hostile_requests_to_the_exchange_are_the_callers_errors(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task each_is_refused_with_a_status_that_names_the_callers_mistake()
    {
        var district = await Seed.DistrictAsync(gateway);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district, welcomeMinutes: 120));
        var (asProvider, asReceiver) = (gateway.Exchange(GatewayFixture.Member(district, provider)), gateway.Exchange(GatewayFixture.Member(district, receiver)));
        var listing = await ListAsync(asProvider, provider, "전등 교체", minutes: 30);
        var deal = (await ProposeAsync(asReceiver, listing, receiver)).DealId;
        string Id() => Guid.NewGuid().ToString();

        var calls = new (string Name, Func<Task> Call)[]
        {
            ("propose: not an id", () => asReceiver.ProposeDealAsync(new ProposeDealRequest { RequestId = "x", ListingId = listing, AccountId = receiver }, cancellationToken: Ct).ResponseAsync),
            ("propose: negative minutes", () => asReceiver.ProposeDealAsync(new ProposeDealRequest { RequestId = Id(), ListingId = listing, AccountId = receiver, AmountMinutes = -1 }, cancellationToken: Ct).ResponseAsync),
            ("propose: overflowing minutes", () => asReceiver.ProposeDealAsync(new ProposeDealRequest { RequestId = Id(), ListingId = listing, AccountId = receiver, AmountMinutes = long.MaxValue }, cancellationToken: Ct).ResponseAsync),
            ("counter: zero", () => asProvider.CounterDealAsync(new CounterDealRequest { RequestId = Id(), DealId = deal, AccountId = provider, AmountMinutes = 0 }, cancellationToken: Ct).ResponseAsync),
            ("counter: min value", () => asProvider.CounterDealAsync(new CounterDealRequest { RequestId = Id(), DealId = deal, AccountId = provider, AmountMinutes = long.MinValue }, cancellationToken: Ct).ResponseAsync),
            ("claim: negative", () => asProvider.ClaimDealAsync(new ClaimDealRequest { RequestId = Id(), DealId = deal, AccountId = provider, Minutes = -60 }, cancellationToken: Ct).ResponseAsync),
            ("accept: empty deal id", () => asProvider.AcceptDealAsync(new AcceptDealRequest { RequestId = Id(), DealId = "", AccountId = provider }, cancellationToken: Ct).ResponseAsync),
            ("resolve: unknown ruling", () => gateway.Exchange(GatewayFixture.Coordinator(district)).ResolveDisputeAsync(
                new ResolveDisputeRequest { RequestId = Id(), DistrictId = district, DealId = deal, Ruling = (DisputeRuling)42, Reason = "x" }, cancellationToken: Ct).ResponseAsync),
            ("message: empty", () => asReceiver.PostDealMessageAsync(new PostDealMessageRequest { RequestId = Id(), DealId = deal, AccountId = receiver, Text = "   " }, cancellationToken: Ct).ResponseAsync),
            ("message: too long", () => asReceiver.PostDealMessageAsync(new PostDealMessageRequest { RequestId = Id(), DealId = deal, AccountId = receiver, Text = new string('말', 1_001) }, cancellationToken: Ct).ResponseAsync),
            ("message: a deal of others", () => asReceiver.PostDealMessageAsync(new PostDealMessageRequest { RequestId = Id(), DealId = Id(), AccountId = receiver, Text = "안녕" }, cancellationToken: Ct).ResponseAsync),
            ("rate: before it settled", () => asReceiver.RateDealAsync(new RateDealRequest { DealId = deal, AccountId = receiver, Stars = 5 }, cancellationToken: Ct).ResponseAsync),
            ("rate: six stars", () => asReceiver.RateDealAsync(new RateDealRequest { DealId = deal, AccountId = receiver, Stars = 6 }, cancellationToken: Ct).ResponseAsync),
            ("list deals: no side", () => asReceiver.ListDealsAsync(new ListDealsRequest { AccountId = receiver }, cancellationToken: Ct).ResponseAsync),
            ("list deals: forged token", () => asReceiver.ListDealsAsync(new ListDealsRequest { AccountId = receiver, Side = DealSide.Receiver, PageToken = "Zm9yZ2Vk" }, cancellationToken: Ct).ResponseAsync),
            ("district deals: closed status", () => gateway.Exchange(GatewayFixture.Coordinator(district)).ListDistrictDealsAsync(
                new ListDistrictDealsRequest { DistrictId = district, Statuses = { DealStatus.Settled } }, cancellationToken: Ct).ResponseAsync),
            ("session: 1,000 seats", () => asProvider.OpenSessionAsync(new OpenSessionRequest { RequestId = Id(), ListingId = listing, AccountId = provider, Seats = 1_000 }, cancellationToken: Ct).ResponseAsync),
            ("session: on someone else's listing", () => asReceiver.OpenSessionAsync(new OpenSessionRequest { RequestId = Id(), ListingId = listing, AccountId = receiver, Seats = 2 }, cancellationToken: Ct).ResponseAsync),
            ("session: settle with a bad absentee", () => asProvider.SettleSessionAsync(new SettleSessionRequest { RequestId = Id(), SessionId = Id(), AccountId = provider, AbsentAccountIds = { "nobody" } }, cancellationToken: Ct).ResponseAsync),
            ("report: no reason", () => asReceiver.ReportContentAsync(new ReportContentRequest { RequestId = Id(), AccountId = receiver, Content = ReportedContent.Listing, TargetId = listing, Reason = "" }, cancellationToken: Ct).ResponseAsync),
            ("report: unknown content", () => asReceiver.ReportContentAsync(new ReportContentRequest { RequestId = Id(), AccountId = receiver, Content = (ReportedContent)9, TargetId = listing, Reason = "x" }, cancellationToken: Ct).ResponseAsync),
        };

        var statuses = new List<string>();
        foreach (var (name, call) in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            statuses.Add($"{name}: {refused.StatusCode}");
            Assert.True(refused.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition, $"{name}: {refused.StatusCode} {refused.Status.Detail}");
        }

        Assert.Contains("rate: before it settled: FailedPrecondition", statuses);
        Assert.Contains("session: on someone else's listing: FailedPrecondition", statuses);
        // Nothing a refused request carried changed the deal.
        var after = (await asReceiver.GetDealAsync(new GetDealRequest { AccountId = receiver, DealId = deal }, cancellationToken: Ct)).Deal;
        Assert.Equal((DealStatus.Proposed, 30L, 0), (after.Status, after.AmountMinutes, (await asReceiver.ListDealMessagesAsync(new ListDealMessagesRequest { AccountId = receiver, DealId = deal }, cancellationToken: Ct)).Messages.Count));
    }
}
