using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.ExpiringHold;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;
using static EPoomasi.Ledger.Tests.Deciders.TransferSpec;

namespace EPoomasi.Ledger.Tests.Deciders;

/// <summary>Post, void and expire: a pending hold is resolved once, by whichever comes first.</summary>
public sealed class resolving_a_hold
{
    private static readonly Guid Payer = Guid.NewGuid();
    private static readonly Guid Payee = Guid.NewGuid();
    private static readonly CreateTransfer Hold = new(Guid.NewGuid(), Payer, Payee, new Minutes(45), TransferCode.Service, "", Kim, TimeSpan.FromHours(1));

    private static TransferSpec GivenAHold() => Given(Member(Payer), Member(Payee)).And(Hold);

    private static PostHold Post(long? minutes) => new(Guid.NewGuid(), Hold.Id, minutes is { } m ? new Minutes(m) : null, Kim);

    private static VoidHold Void() => new(Guid.NewGuid(), Hold.Id, Kim);

    [Fact]
    public void posting_in_full_moves_the_held_amount_and_releases_the_reservation()
    {
        var decision = GivenAHold().When(Post(null));

        Assert.Equal(TransferResult.Ok, decision.Result);
        Assert.Equal([(Payer, EntrySide.Debit, 45L, -45L), (Payee, EntrySide.Credit, 45L, 45L)],
            decision.Events.OfType<EntryPosted>().Select(e => (e.AccountId, e.Side, e.AmountMinutes.Value, e.BalanceAfterMinutes.Value)));
        Assert.Equal([(Payer, 45L, HoldResolution.Posted), (Payee, 45L, HoldResolution.Posted)],
            decision.Events.OfType<HoldReleased>().Select(e => (e.AccountId, e.AmountMinutes.Value, e.Resolution)));
        Assert.Equal(HoldState.Posted, decision.Records.Single(r => r.Id == Hold.Id).HoldState);
    }

    [Fact]
    public void posting_in_part_moves_only_that_part_and_releases_all_of_the_hold()
    {
        var decision = GivenAHold().When(Post(30));

        Assert.Equal([30L, 30L], decision.Events.OfType<EntryPosted>().Select(e => e.AmountMinutes.Value));
        Assert.Equal([45L, 45L], decision.Events.OfType<HoldReleased>().Select(e => e.AmountMinutes.Value));
        Assert.Equal(new Minutes(30), decision.Records.Single(r => r.Id == Hold.Id).PostedAmountMinutes);
    }

    [Fact]
    public void posting_more_than_was_held_is_refused()
    {
        var decision = GivenAHold().When(Post(46));

        Assert.Equal(TransferResult.PostExceedsHeldAmount, decision.Result);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void voiding_releases_the_reservation_and_moves_nothing()
    {
        var decision = GivenAHold().When(Void());

        Assert.Equal(TransferResult.Ok, decision.Result);
        Assert.Empty(decision.Events.OfType<EntryPosted>());
        Assert.Equal([(Payer, HoldResolution.Voided), (Payee, HoldResolution.Voided)],
            decision.Events.OfType<HoldReleased>().Select(e => (e.AccountId, e.Resolution)));
    }

    [Fact]
    public void a_hold_posted_cannot_be_voided_nor_posted_again()
    {
        var spec = GivenAHold().And(Post(null));

        Assert.Equal(TransferResult.HoldAlreadyPosted, spec.When(Void()).Result);
        Assert.Equal(TransferResult.HoldAlreadyPosted, spec.When(Post(10)).Result);
    }

    [Fact]
    public void a_hold_voided_cannot_be_posted()
    {
        Assert.Equal(TransferResult.HoldAlreadyVoided, GivenAHold().And(Void()).When(Post(null)).Result);
    }

    [Fact]
    public void a_hold_past_its_timeout_expires_and_can_no_longer_be_posted()
    {
        var spec = GivenAHold().After(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var expired = spec.When(new ExpireHold(Hold.Id));
        var late = spec.When(Post(null));

        Assert.Equal(TransferResult.Ok, expired.Result);
        Assert.Equal([HoldResolution.Expired, HoldResolution.Expired], expired.Events.OfType<HoldReleased>().Select(e => e.Resolution));
        Assert.Equal(TransferResult.HoldExpired, late.Result);
    }

    [Fact]
    public void a_post_of_an_unknown_hold_is_refused_as_not_found()
    {
        var decision = Given(Member(Payer), Member(Payee)).When(Post(null));

        Assert.Equal(TransferResult.HoldNotFound, decision.Result);
    }
}
