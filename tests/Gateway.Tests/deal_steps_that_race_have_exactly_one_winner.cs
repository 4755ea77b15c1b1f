using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Net.Client;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Deals whose time runs out end by themselves, and steps that race each other (and the scheduler) have exactly one
/// winner, with the hold where the winner left it. A second gateway on the same database runs with answers and
/// confirmations due in two seconds; the suite's own gateway schedules the same deals too, as several processes would.
/// </summary>
public sealed class deal_steps_that_race_have_exactly_one_winner(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Quick =
    [
        "--Ledger:Exchange:AnswerWithin=00:00:02", "--Ledger:Exchange:ConfirmWithin=00:00:02", "--Ledger:DealSchedulerIntervalSeconds=1",
        "--Limits:MemberRequestsPerSecond=100000", "--Limits:OfficialRequestsPerSecond=100000",
    ];

    private sealed record Parties(string District, string Provider, string Receiver, ExchangeService.ExchangeServiceClient AsProvider, ExchangeService.ExchangeServiceClient AsReceiver, string Listing);

    private async Task<Parties> PartiesAsync(GrpcChannel channel)
    {
        var district = await Seed.DistrictAsync(gateway);
        var (provider, receiver) = (await Seed.MemberAsync(gateway, district), await Seed.MemberAsync(gateway, district, welcomeMinutes: 3_000));
        var asProvider = new ExchangeService.ExchangeServiceClient(GatewayFixture.As(channel, GatewayFixture.Member(district, provider)));
        var asReceiver = new ExchangeService.ExchangeServiceClient(GatewayFixture.As(channel, GatewayFixture.Member(district, receiver)));
        var listing = await ListAsync(asProvider, provider, "화분 분갈이", minutes: 60, category: ListingCategory.Housework);
        return new Parties(district, provider, receiver, asProvider, asReceiver, listing);
    }

    private static async Task<Deal> WaitForAsync(Parties parties, string deal, DealStatus status)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var current = (await parties.AsReceiver.GetDealAsync(new GetDealRequest { AccountId = parties.Receiver, DealId = deal }, cancellationToken: Ct)).Deal;
            if (current.Status == status) return current;
            Assert.True(DateTimeOffset.UtcNow < until, $"The deal is still {current.Status}, a minute after it was due to become {status}.");
            await Task.Delay(200, Ct);
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_proposal_nobody_answers_expires_and_a_claim_nobody_confirms_is_paid()
    {
        var (app, channel, _) = await gateway.StartAnotherAsync(Quick);
        await using var _ = app;
        using var __ = channel;
        var parties = await PartiesAsync(channel);

        var unanswered = (await ProposeAsync(parties.AsReceiver, parties.Listing, parties.Receiver)).DealId;
        var worked = (await ProposeAsync(parties.AsReceiver, parties.Listing, parties.Receiver, minutes: 90)).DealId;
        var hold = (await AcceptAsync(parties.AsProvider, worked, parties.Provider)).Deal.HoldId;
        await ClaimAsync(parties.AsProvider, worked, parties.Provider, 75);

        var expired = await WaitForAsync(parties, unanswered, DealStatus.Expired);
        var paid = await WaitForAsync(parties, worked, DealStatus.Settled);
        var lateAnswer = await AcceptAsync(parties.AsProvider, unanswered, parties.Provider);

        Assert.Equal("system:deal-scheduler", expired.ChangedBy);
        Assert.Equal(DealResult.WrongState, lateAnswer.Result);
        Assert.Equal((75L, "system:deal-scheduler"), (paid.PaidMinutes, paid.ChangedBy));
        Assert.Equal((HoldState.Posted, 75L), ((await HoldAsync(gateway, hold)).HoldState, (await HoldAsync(gateway, hold)).PostedAmountMinutes));
        var account = await AccountAsync(gateway, parties.Receiver);
        Assert.Equal((3_000L - 75, 0L), (account.BalanceMinutes, account.PendingDebitsMinutes));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task confirm_dispute_and_the_scheduler_racing_on_a_claim_leave_one_winner_and_the_hold_to_match()
    {
        var (app, channel, _) = await gateway.StartAnotherAsync(Quick);
        await using var _ = app;
        using var __ = channel;
        var parties = await PartiesAsync(channel);

        for (var round = 0; round < 6; round++)
        {
            var deal = (await ProposeAsync(parties.AsReceiver, parties.Listing, parties.Receiver)).DealId;
            var hold = (await AcceptAsync(parties.AsProvider, deal, parties.Provider)).Deal.HoldId;
            var claimed = await ClaimAsync(parties.AsProvider, deal, parties.Provider, 60);
            // Close to the moment the scheduler may confirm it, so all three may land together.
            var due = claimed.Deal.ConfirmBy.ToDateTimeOffset();
            var wait = due - DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(150 * round);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, Ct);

            var steps = await Task.WhenAll(ConfirmAsync(parties.AsReceiver, deal, parties.Receiver), DisputeAsync(parties.AsProvider, deal, parties.Provider));
            var final = (await parties.AsReceiver.GetDealAsync(new GetDealRequest { AccountId = parties.Receiver, DealId = deal }, cancellationToken: Ct)).Deal;
            var won = steps.Count(s => s.Result is DealResult.Settled or DealResult.Disputed);

            Assert.True(won <= 1, $"Round {round}: both steps won ({string.Join(", ", steps.Select(s => s.Result))}).");
            Assert.True(won == 1 || final.ChangedBy == "system:deal-scheduler", $"Round {round}: nobody won, yet the deal is {final.Status} by {final.ChangedBy}.");
            Assert.All(steps.Where(s => s.Result is not (DealResult.Settled or DealResult.Disputed)), s => Assert.Equal(DealResult.WrongState, s.Result));
            var expected = final.Status switch
            {
                DealStatus.Settled => HoldState.Posted,
                DealStatus.Disputed => HoldState.Pending,
                _ => throw new Xunit.Sdk.XunitException($"Round {round}: the deal ended {final.Status}."),
            };
            Assert.Equal(expected, (await HoldAsync(gateway, hold)).HoldState);
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task cancel_racing_a_claim_leaves_one_winner_and_the_hold_to_match()
    {
        var parties = await PartiesAsync(gateway.Channel);
        for (var round = 0; round < 8; round++)
        {
            var deal = (await ProposeAsync(parties.AsReceiver, parties.Listing, parties.Receiver)).DealId;
            var hold = (await AcceptAsync(parties.AsProvider, deal, parties.Provider)).Deal.HoldId;

            var steps = await Task.WhenAll(CancelAsync(parties.AsReceiver, deal, parties.Receiver), ClaimAsync(parties.AsProvider, deal, parties.Provider, 60));

            var (cancelled, claimed) = (steps[0].Result == DealResult.Cancelled, steps[1].Result == DealResult.Claimed);
            Assert.True(cancelled ^ claimed, $"Round {round}: {steps[0].Result} and {steps[1].Result}.");
            Assert.Equal(cancelled ? HoldState.Voided : HoldState.Pending, (await HoldAsync(gateway, hold)).HoldState);
        }

        var audit = new AuditService.AuditServiceClient(gateway.Invoker(GatewayFixture.Auditor));
        var rebuilt = await audit.RebuildProjectionsAsync(new RebuildProjectionsRequest(), cancellationToken: Ct);
        Assert.True(rebuilt.Agrees, rebuilt.FirstDifference?.ToString());
    }
}
