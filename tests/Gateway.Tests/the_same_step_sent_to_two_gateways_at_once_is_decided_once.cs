using EPoomasi.Contracts.Exchange.V1;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A client whose call timed out sends it again, possibly to another gateway, while the first is still in flight. A
/// proposal, a counter-offer and a listing without a chosen expiry, sent at once under one request id to two
/// gateways, are one step each: every copy answers the same, none "request id used for a different request" (the
/// fault harness caught this when a step carried a deadline computed from each gateway's clock).
/// </summary>
public sealed class the_same_step_sent_to_two_gateways_at_once_is_decided_once(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Unthrottled = ["--Limits:MemberRequestsPerSecond=100000", "--Limits:OfficialRequestsPerSecond=100000"];

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task proposals_and_counters_sent_at_once_answer_one_deal()
    {
        var (app, channel, _) = await gateway.StartAnotherAsync(Unthrottled);
        await using var _ = app;
        using var __ = channel;
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 600);
        var lee = await Seed.MemberAsync(gateway, district);
        var (kimToken, leeToken) = (GatewayFixture.Member(district, kim), GatewayFixture.Member(district, lee));
        var listing = await ListAsync(gateway.Exchange(leeToken), lee, "전등 교체 / changing a light", minutes: 30);
        ExchangeService.ExchangeServiceClient Via(int copy, string token) =>
            copy % 2 == 0 ? gateway.Exchange(token) : new ExchangeService.ExchangeServiceClient(GatewayFixture.As(channel, token));

        for (var round = 0; round < 8; round++)
        {
            var propose = new ProposeDealRequest { RequestId = Guid.NewGuid().ToString(), ListingId = listing, AccountId = kim, AmountMinutes = 30 };
            var proposed = await Task.WhenAll(Enumerable.Range(0, 4).Select(async copy => (await Via(copy, kimToken).ProposeDealAsync(propose, cancellationToken: Ct)).Outcome));
            Assert.All(proposed, outcome => Assert.Equal(DealResult.Proposed, outcome.Result));
            Assert.Single(proposed.Select(o => o.DealId).Distinct());
            Assert.Single(proposed, o => !o.Replayed);

            var counter = new CounterDealRequest { RequestId = Guid.NewGuid().ToString(), DealId = proposed[0].DealId, AccountId = lee, AmountMinutes = 45 };
            var countered = await Task.WhenAll(Enumerable.Range(0, 4).Select(async copy => (await Via(copy, leeToken).CounterDealAsync(counter, cancellationToken: Ct)).Outcome));
            Assert.All(countered, outcome => Assert.Equal(DealResult.Countered, outcome.Result));
            Assert.Single(countered, o => !o.Replayed);
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task listings_without_a_chosen_expiry_sent_at_once_are_one_listing()
    {
        var (app, channel, _) = await gateway.StartAnotherAsync(Unthrottled);
        await using var _ = app;
        using var __ = channel;
        var district = await Seed.DistrictAsync(gateway);
        var lee = await Seed.MemberAsync(gateway, district);
        var token = GatewayFixture.Member(district, lee);
        for (var round = 0; round < 8; round++)
        {
            var create = new CreateListingRequest
            {
                RequestId = Guid.NewGuid().ToString(), OwnerAccountId = lee, Kind = ListingKind.Offer,
                Text = new ListingText { Type = ListingType.Service, Category = ListingCategory.Repair, Title = "자전거 수리 / bicycle repair", Minutes = 60 },
            };
            var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(async copy =>
                (await (copy % 2 == 0 ? gateway.Exchange(token) : new ExchangeService.ExchangeServiceClient(GatewayFixture.As(channel, token)))
                    .CreateListingAsync(create, cancellationToken: Ct)).Outcome));
            Assert.All(created, outcome => Assert.Equal(ListingResult.Created, outcome.Result));
            Assert.Single(created.Select(o => o.ListingId).Distinct());
            Assert.Single(created, o => !o.Replayed);
        }
    }
}
