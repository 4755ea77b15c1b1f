using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.Deciding;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EPoomasi.Ledger.Tests.Properties;

/// <summary>
/// The pure decider, without a database: whatever the accounts' state and the command, a transfer is
/// either rejected with nothing to write, or its events balance (invariant 1) and leave every account
/// within its limits (invariant 3) when applied through Evolve.
/// </summary>
public sealed class DeciderProperties
{
    private static readonly Guid Payer = Guid.NewGuid();
    private static readonly Guid Payee = Guid.NewGuid();

    private static Account Member(Guid id, long balance, long floor, long cap, long pendingDebits)
    {
        var opened = AccountEvolution.Evolve(null, new AccountOpened(id, "mapo", AccountKind.Member, null, new Minutes(floor), new Minutes(cap), Attribution.System, default));
        return opened with { CreditsPosted = new Minutes(Math.Max(balance, 0)), DebitsPosted = new Minutes(Math.Max(-balance, 0)), DebitsPending = new Minutes(pendingDebits) };
    }

    public static Arbitrary<(Account Payer, Account Payee, CreateTransfer Command)> Cases() =>
        (from floor in Gen.Choose(-600, 0)
         from cap in Gen.Choose(0, 600)
         from payerBalance in Gen.Choose(floor, cap)
         from pending in Gen.Choose(0, payerBalance - floor)
         from payeeBalance in Gen.Choose(floor, cap)
         from amount in Gen.Choose(-5, 700)
         from hold in Gen.Elements(false, true)
         let command = new CreateTransfer(Guid.NewGuid(), Payer, Payee, new Minutes(amount), TransferCode.Service, "", Attribution.System, hold ? TimeSpan.FromHours(1) : null)
         select (Member(Payer, payerBalance, floor, cap, pending), Member(Payee, payeeBalance, floor, cap, 0), command)).ToArbitrary();

    [Property(Arbitrary = [typeof(DeciderProperties)])]
    public bool A_decided_transfer_balances_and_keeps_every_account_within_its_limits((Account Payer, Account Payee, CreateTransfer Command) c)
    {
        var view = new LedgerWorkingSet(
            new Dictionary<Guid, Account?> { [Payer] = c.Payer, [Payee] = c.Payee },
            new Dictionary<Guid, TransferRecord?> { [c.Command.Id] = null });
        var decision = CreateTransferDecider.Decide(c.Command, view, default);
        if (decision.Result != TransferResult.Ok)
        {
            return decision.Events.Count == 0;
        }

        view.Apply(decision);
        var payer = view.FindAccount(Payer)!;
        var payee = view.FindAccount(Payee)!;
        return payer.Balance + payee.Balance == c.Payer.Balance + c.Payee.Balance
            && payer.DebitsPending - c.Payer.DebitsPending == payee.CreditsPending - c.Payee.CreditsPending
            && payer.IsWithinLimits && payee.IsWithinLimits;
    }

    [Property(Arbitrary = [typeof(DeciderProperties)])]
    public bool A_transfer_is_refused_exactly_when_it_would_break_a_limit((Account Payer, Account Payee, CreateTransfer Command) c)
    {
        var view = new LedgerWorkingSet(
            new Dictionary<Guid, Account?> { [Payer] = c.Payer, [Payee] = c.Payee },
            new Dictionary<Guid, TransferRecord?> { [c.Command.Id] = null });
        var result = CreateTransferDecider.Decide(c.Command, view, default).Result;
        var amount = c.Command.AmountMinutes;
        if (!amount.IsPositive) return result == TransferResult.AmountMustBePositive;
        var belowFloor = c.Payer.Available - amount < c.Payer.Floor;
        var aboveCap = c.Payee.Balance + c.Payee.CreditsPending + amount > c.Payee.Cap;
        return result == (belowFloor ? TransferResult.DebitBelowFloor : aboveCap ? TransferResult.CreditAboveCap : TransferResult.Ok);
    }

    [Fact]
    public void Evolve_refuses_an_entry_that_would_break_a_limit()
    {
        var account = Member(Payer, 0, -60, 600, 0);
        var overdraw = new EntryPosted(Payer, Guid.NewGuid(), EntrySide.Debit, new Minutes(61), new Minutes(-61), Payee, TransferCode.Service, "", Attribution.System, default);
        Assert.Throws<LedgerInvariantException>(() => AccountEvolution.Evolve(account, overdraw));
    }

    [Fact]
    public void Evolve_refuses_an_entry_whose_stated_balance_is_wrong()
    {
        var account = Member(Payer, 100, -60, 600, 0);
        var wrong = new EntryPosted(Payer, Guid.NewGuid(), EntrySide.Debit, new Minutes(10), new Minutes(80), Payee, TransferCode.Service, "", Attribution.System, default);
        Assert.Throws<LedgerInvariantException>(() => AccountEvolution.Evolve(account, wrong));
    }

    [Fact]
    public void Unbalanced_events_are_refused_where_a_transfer_is_decided()
    {
        var oneSided = new AccountEvent[] { new EntryPosted(Payer, Guid.NewGuid(), EntrySide.Debit, new Minutes(10), new Minutes(-10), Payee, TransferCode.Service, "", Attribution.System, default) };
        Assert.Throws<LedgerInvariantException>(() => Movement.AssertBalanced(oneSided));
    }
}
