using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using static EPoomasi.Ledger.Tests.Deciders.TransferSpec;

namespace EPoomasi.Ledger.Tests.Deciders;

public sealed class creating_a_transfer
{
    private static readonly Guid Payer = Guid.NewGuid();
    private static readonly Guid Payee = Guid.NewGuid();

    private static CreateTransfer Pay(long minutes, Guid? id = null, TimeSpan? hold = null, string memo = "") =>
        new(id ?? Guid.NewGuid(), Payer, Payee, new Minutes(minutes), TransferCode.Service, memo, Kim, hold);

    [Fact]
    public void a_payment_posts_one_entry_on_each_side_with_the_balance_after_it()
    {
        var pay = Pay(30, memo: "boiler");

        var decision = Given(Member(Payer), Credited(Payer, 60, 60), Member(Payee)).When(pay);

        Assert.Equal(TransferResult.Ok, decision.Result);
        Assert.Equal<AccountEvent>(
            [
                new EntryPosted(Payer, pay.Id, EntrySide.Debit, new Minutes(30), new Minutes(30), Payee, TransferCode.Service, "boiler", Kim, Now),
                new EntryPosted(Payee, pay.Id, EntrySide.Credit, new Minutes(30), new Minutes(30), Payer, TransferCode.Service, "boiler", Kim, Now),
            ],
            decision.Events);
        Assert.Equal(TransferKind.Transfer, decision.Record!.Kind);
    }

    [Fact]
    public void a_payment_below_the_payers_floor_is_refused_and_the_refusal_remembered()
    {
        var pay = Pay(61);

        var decision = Given(Member(Payer, floor: -60), Member(Payee)).When(pay);

        Assert.Equal(TransferResult.DebitBelowFloor, decision.Result);
        Assert.Empty(decision.Events);
        Assert.Equal(TransferResult.DebitBelowFloor, decision.Record!.Result);
    }

    [Fact]
    public void a_payment_above_the_payees_cap_is_refused()
    {
        var decision = Given(Member(Payer), Member(Payee, cap: 20)).When(Pay(21));

        Assert.Equal(TransferResult.CreditAboveCap, decision.Result);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void a_payment_from_a_frozen_account_is_refused()
    {
        var decision = Given(Member(Payer), new AccountFrozen(Payer, "lost card", Attribution.System, Now), Member(Payee)).When(Pay(1));

        Assert.Equal(TransferResult.DebitAccountFrozen, decision.Result);
    }

    [Fact]
    public void a_payment_to_an_unknown_account_is_refused_as_not_found()
    {
        var decision = Given(Member(Payer)).When(Pay(1));

        Assert.Equal(TransferResult.CreditAccountNotFound, decision.Result);
    }

    [Fact]
    public void a_shapeless_payment_is_refused_and_not_remembered()
    {
        var decision = Given(Member(Payer), Member(Payee)).When(Pay(0));

        Assert.Equal(TransferResult.AmountMustBePositive, decision.Result);
        Assert.Null(decision.Record);
    }

    [Fact]
    public void a_hold_reserves_the_amount_on_both_sides_and_moves_no_balance()
    {
        var hold = Pay(45, hold: TimeSpan.FromHours(1));

        var decision = Given(Member(Payer), Member(Payee)).When(hold);

        Assert.Equal<AccountEvent>(
            [
                new HoldReserved(Payer, hold.Id, EntrySide.Debit, new Minutes(45), Kim, Now),
                new HoldReserved(Payee, hold.Id, EntrySide.Credit, new Minutes(45), Kim, Now),
            ],
            decision.Events);
        Assert.Equal(HoldState.Pending, decision.Record!.HoldState);
        Assert.Equal(Now.AddHours(1), decision.Record.ExpiresAt);
    }

    [Fact]
    public void the_same_payment_again_answers_its_first_outcome_and_writes_nothing()
    {
        var pay = Pay(30);

        var decision = Given(Member(Payer), Member(Payee)).And(pay).When(pay);

        Assert.Equal(TransferResult.Ok, decision.Result);
        Assert.True(decision.Replayed);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void a_remembered_refusal_is_answered_again_even_once_it_would_succeed()
    {
        var pay = Pay(61);

        var decision = Given(Member(Payer, floor: -60), Member(Payee)).And(pay).When(pay);

        Assert.Equal(TransferResult.DebitBelowFloor, decision.Result);
        Assert.True(decision.Replayed);
    }

    [Fact]
    public void an_id_used_again_with_other_fields_is_refused()
    {
        var pay = Pay(30);

        var decision = Given(Member(Payer), Member(Payee)).And(pay).When(pay with { AmountMinutes = new Minutes(31) });

        Assert.Equal(TransferResult.ExistsWithDifferentFields, decision.Result);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void a_grant_from_the_pot_needs_a_reason_and_is_refused_for_its_shape_without_one()
    {
        var pot = Guid.NewGuid();
        var opened = new AccountOpened(pot, "mapo", AccountKind.CommunityPot, null, Minutes.Zero, new Minutes(1_000_000), Kim, Now);
        CreateTransfer Grant(string memo) => new(Guid.NewGuid(), pot, Payee, new Minutes(20), TransferCode.PotGrant, memo, Kim);

        var silent = Given(opened, Credited(pot, 60, 60), Member(Payee)).When(Grant(" "));
        var explained = Given(opened, Credited(pot, 60, 60), Member(Payee)).When(Grant("병원 동행 / hospital visits"));

        Assert.Equal((TransferResult.ReasonRequired, true), (silent.Result, silent.Record is null));
        Assert.Equal(TransferResult.Ok, explained.Result);
    }
}
