using EPoomasi.Exchange.Deals;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Exchange.Tests.Deals;

/// <summary>
/// The deal decider without a database: given a deal as its events left it, a step asks the ledger for exactly its
/// effect (a hold, a post of the right amount, a void, or nothing), and a refused step asks for nothing and changes nothing.
/// </summary>
public sealed class a_deal_step_asks_the_ledger_for_exactly_its_effect
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Provider = Guid.NewGuid(), Receiver = Guid.NewGuid(), DealId = Guid.NewGuid();
    private static readonly Attribution ByReceiver = new("member:receiver", null, "tests"), ByProvider = new("member:provider", null, "tests");
    private readonly DealDecider _decider = new();

    private Deal Given(params DealEvent[] events) => events.Aggregate((Deal?)null, (deal, e) => _decider.Evolve(deal, e))!;

    private static DealProposed Proposed(long minutes = 120) =>
        new(Guid.NewGuid(), "자전거 수리", Provider, "mapo", Receiver, "mapo", false, new Minutes(minutes), DealSide.Provider, Now.AddDays(7), "member:receiver", Now);

    private static DealAccepted Accepted() => new(DealDecider.HoldOf(DealId), Now.AddDays(90), Now.AddDays(60), "member:provider", Now);

    private static TransferOutcome Ok(TransferCommand command) => new(command.Id, TransferResult.Ok, false, null);

    [Fact]
    public void acceptance_holds_the_agreed_minutes_on_the_receiver()
    {
        var deal = Given(Proposed(120));
        var accept = new AcceptDeal(Guid.NewGuid(), ByProvider, DealId, Provider, TimeSpan.FromDays(90), TimeSpan.FromDays(60));

        var hold = Assert.IsType<CreateTransfer>(Assert.Single(_decider.Transfers(accept, deal, Now)));
        var decided = _decider.Decide(accept, deal, [Ok(hold)], Now);

        Assert.Equal((DealDecider.HoldOf(DealId), Receiver, Provider, 120L, TimeSpan.FromDays(90), (Guid?)DealId),
            (hold.Id, hold.DebitAccountId, hold.CreditAccountId, hold.AmountMinutes.Value, hold.HoldTimeout!.Value, hold.DealId));
        Assert.Equal((DealCode.Accepted, DealStatus.Accepted), (decided.Result.Code, decided.Result.Deal!.Status));
    }

    [Fact]
    public void a_smaller_claim_posts_only_what_was_claimed_and_a_larger_one_needs_consent()
    {
        var partly = Given(Proposed(120), Accepted(), new DealClaimed(new Minutes(90), Now.AddDays(3), "member:provider", Now));
        var more = Given(Proposed(120), Accepted(), new DealClaimed(new Minutes(150), Now.AddDays(3), "member:provider", Now));

        var post = Assert.IsType<PostHold>(Assert.Single(_decider.Transfers(new ConfirmDeal(Guid.NewGuid(), ByReceiver, DealId, Receiver, false), partly, Now)));
        var withoutConsent = new ConfirmDeal(Guid.NewGuid(), ByReceiver, DealId, Receiver, false);
        var withConsent = _decider.Transfers(new ConfirmDeal(Guid.NewGuid(), ByReceiver, DealId, Receiver, true), more, Now);

        Assert.Equal(90L, post.AmountMinutes!.Value.Value);
        Assert.Empty(_decider.Transfers(withoutConsent, more, Now));
        Assert.Equal((DealCode.AboveHoldNeedsConsent, 0), (_decider.Decide(withoutConsent, more, [], Now).Result.Code, _decider.Decide(withoutConsent, more, [], Now).Events.Count));
        Assert.Equal((true, 30L), (((PostHold)withConsent[0]).Linked, ((CreateTransfer)withConsent[1]).AmountMinutes.Value));
    }

    [Fact]
    public void only_the_side_whose_step_it_is_may_take_it()
    {
        var proposed = Given(Proposed());
        var accepted = Given(Proposed(), Accepted());

        Assert.Equal(DealCode.NotYourTurn, _decider.Decide(new AcceptDeal(Guid.NewGuid(), ByReceiver, DealId, Receiver, TimeSpan.FromDays(90), TimeSpan.FromDays(60)), proposed, [], Now).Result.Code);
        Assert.Equal(DealCode.NotYourTurn, _decider.Decide(new ClaimDeal(Guid.NewGuid(), ByReceiver, DealId, Receiver, new Minutes(10), TimeSpan.FromDays(3)), accepted, [], Now).Result.Code);
        Assert.Equal(DealCode.NotYourTurn, _decider.Decide(new CancelDeal(Guid.NewGuid(), ByReceiver, DealId, Guid.NewGuid()), accepted, [], Now).Result.Code);
        Assert.Equal(DealCode.WrongState, _decider.Decide(new ConfirmDeal(Guid.NewGuid(), ByReceiver, DealId, Receiver, false), accepted, [], Now).Result.Code);
    }

    [Fact]
    public void the_scheduler_acts_only_when_the_deal_is_due_and_a_hold_expired_first_ends_it()
    {
        var accepted = Given(Proposed(), Accepted());
        var due = new SettleDueDeal(Guid.NewGuid(), new Attribution("system:deal-scheduler", null, "scheduler"), DealId);

        Assert.Empty(_decider.Transfers(due, accepted, Now.AddDays(59)));
        Assert.Equal(DealCode.NotDue, _decider.Decide(due, accepted, [], Now.AddDays(59)).Result.Code);
        var release = Assert.IsType<VoidHold>(Assert.Single(_decider.Transfers(due, accepted, Now.AddDays(61))));
        var expiredFirst = _decider.Decide(due, accepted, [new TransferOutcome(release.Id, TransferResult.HoldExpired, false, null)], Now.AddDays(61));
        Assert.Equal((DealCode.Expired, DealStatus.Expired), (expiredFirst.Result.Code, expiredFirst.Result.Deal!.Status));
    }

    [Fact]
    public void a_refused_ledger_effect_leaves_the_deal_as_it_was()
    {
        var deal = Given(Proposed(10_000));
        var accept = new AcceptDeal(Guid.NewGuid(), ByProvider, DealId, Provider, TimeSpan.FromDays(90), TimeSpan.FromDays(60));
        var hold = _decider.Transfers(accept, deal, Now).Single();

        var decided = _decider.Decide(accept, deal, [new TransferOutcome(hold.Id, TransferResult.DebitBelowFloor, false, null)], Now);

        Assert.Equal((DealCode.LedgerRefused, "DebitBelowFloor", 0), (decided.Result.Code, decided.Result.LedgerRefusal, decided.Events.Count));
    }

    [Fact]
    public void an_event_that_cannot_follow_the_deal_is_refused_by_evolve()
    {
        var settled = Given(Proposed(), Accepted(), new DealClaimed(new Minutes(60), Now.AddDays(3), "p", Now), new DealSettled(new Minutes(60), false, null, null, "r", Now));

        Assert.Throws<InvalidOperationException>(() => _decider.Evolve(settled, new DealCancelled(DealSide.Receiver, "r", Now)));
        Assert.Equal(1, _decider.Evolve(settled, new DealMessagePosted(Guid.NewGuid(), DealSide.Receiver, "r", Now)).Messages);
    }
}
