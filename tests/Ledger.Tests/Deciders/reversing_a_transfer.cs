using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using static EPoomasi.Ledger.Tests.Deciders.TransferSpec;

namespace EPoomasi.Ledger.Tests.Deciders;

public sealed class reversing_a_transfer
{
    private static readonly Guid Payer = Guid.NewGuid();
    private static readonly Guid Payee = Guid.NewGuid();
    private static readonly CreateTransfer Payment = new(Guid.NewGuid(), Payer, Payee, new Minutes(30), TransferCode.Service, "", Kim);
    private static readonly Attribution Coordinator = new("coordinator:park", null, "test");

    private static ReverseTransfer Reverse(Guid? transfer = null, string reason = "paid twice") => new(Guid.NewGuid(), transfer ?? Payment.Id, reason, Coordinator);

    [Fact]
    public void a_reversal_moves_the_amount_back_and_marks_the_original()
    {
        var reverse = Reverse();

        var decision = Given(Member(Payer), Member(Payee)).And(Payment).When(reverse);

        Assert.Equal(TransferResult.Ok, decision.Result);
        Assert.Equal([(Payee, EntrySide.Debit, 0L), (Payer, EntrySide.Credit, 0L)],
            decision.Events.OfType<EntryPosted>().Select(e => (e.AccountId, e.Side, e.BalanceAfterMinutes.Value)).OrderBy(e => e.Side));
        Assert.Equal(reverse.Id, decision.Records.Single(r => r.Id == Payment.Id).ReversedByTransferId);
        Assert.Equal(Payment.Id, decision.Record!.ReversesTransferId);
    }

    [Fact]
    public void a_transfer_is_reversed_at_most_once()
    {
        var decision = Given(Member(Payer), Member(Payee)).And(Payment, Reverse()).When(Reverse());

        Assert.Equal(TransferResult.TransferAlreadyReversed, decision.Result);
    }

    [Fact]
    public void a_reversal_needs_a_reason()
    {
        Assert.Equal(TransferResult.ReasonRequired, Given(Member(Payer), Member(Payee)).And(Payment).When(Reverse(reason: " ")).Result);
    }

    [Fact]
    public void a_refused_transfer_cannot_be_reversed()
    {
        var refused = Payment with { Id = Guid.NewGuid(), AmountMinutes = new Minutes(601) };

        var decision = Given(Member(Payer), Member(Payee)).And(refused).When(Reverse(refused.Id));

        Assert.Equal(TransferResult.TransferNotFound, decision.Result);
    }
}
