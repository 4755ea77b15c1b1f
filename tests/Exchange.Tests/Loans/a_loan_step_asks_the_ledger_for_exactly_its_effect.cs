using EPoomasi.Exchange.Deals;
using EPoomasi.Exchange.Loans;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Exchange.Tests.Loans;

/// <summary>
/// The loan decider without a database: the handover asks for the fee and the deposit's hold as one linked pair, the
/// return voids the deposit, an accepted claim posts exactly what was claimed, the scheduler reminds once and then
/// claims the whole deposit, and a refused step asks for nothing and changes nothing.
/// </summary>
public sealed class a_loan_step_asks_the_ledger_for_exactly_its_effect
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lender = Guid.NewGuid(), Borrower = Guid.NewGuid(), LoanId = Guid.NewGuid();
    private static readonly Attribution ByLender = new("member:lender", null, "tests"), ByBorrower = new("member:borrower", null, "tests");
    private static readonly Attribution Scheduler = new("system:deal-scheduler", null, "scheduler");
    private static readonly TimeSpan ReturnWithin = TimeSpan.FromDays(30);
    private readonly LoanDecider _decider = new();

    private Loan Given(params LoanEvent[] events) => events.Aggregate((Loan?)null, (loan, e) => _decider.Evolve(loan, e))!;

    private static LoanRequested Requested(long fee = 30, long deposit = 120, int days = 7) =>
        new(Guid.NewGuid(), "전동 드릴", Lender, "mapo", Borrower, "gangnam", new Minutes(fee), new Minutes(deposit), days, Now.AddDays(7), "member:borrower", Now);

    private static LoanAccepted Accepted() => new(Now.AddDays(7), "member:lender", Now);

    private static LoanHandedOver HandedOver(bool deposit = true) =>
        new(deposit ? LoanDecider.DepositOf(LoanId) : null, deposit ? Now + LoanDecider.HoldFor(7, ReturnWithin) : null, Now.AddDays(7), Now.AddDays(37), "member:lender", Now);

    private static TransferOutcome Ok(TransferCommand command) => new(command.Id, TransferResult.Ok, false, null);

    [Fact]
    public void the_handover_moves_the_fee_and_holds_the_deposit_as_one_linked_pair()
    {
        var agreed = Given(Requested(), Accepted());
        var handOver = new HandOverLoan(Guid.NewGuid(), ByLender, LoanId, Lender, ReturnWithin);

        var transfers = _decider.Transfers(handOver, agreed, Now);
        var decided = _decider.Decide(handOver, agreed, transfers.Select(Ok).ToList(), Now);

        var fee = Assert.IsType<CreateTransfer>(transfers[0]);
        var deposit = Assert.IsType<CreateTransfer>(transfers[1]);
        Assert.Equal((Borrower, Lender, 30L, true, false), (fee.DebitAccountId, fee.CreditAccountId, fee.AmountMinutes.Value, fee.Linked, fee.IsHold));
        Assert.Equal((LoanDecider.DepositOf(LoanId), 120L, TimeSpan.FromDays(67), (Guid?)LoanId), (deposit.Id, deposit.AmountMinutes.Value, deposit.HoldTimeout!.Value, deposit.DealId));
        Assert.Equal((LoanStatus.Lent, Now.AddDays(7), (Guid?)deposit.Id), (decided.Result.Loan!.Status, decided.Result.Loan.DueBack!.Value, decided.Result.Loan.HoldId));
    }

    [Fact]
    public void a_free_loan_without_a_deposit_asks_the_ledger_for_nothing()
    {
        var agreed = Given(Requested(fee: 0, deposit: 0), Accepted());
        var handOver = new HandOverLoan(Guid.NewGuid(), ByLender, LoanId, Lender, ReturnWithin);

        Assert.Empty(_decider.Transfers(handOver, agreed, Now));
        var lent = _decider.Decide(handOver, agreed, [], Now).Result.Loan!;
        Assert.Equal((LoanStatus.Lent, (Guid?)null), (lent.Status, lent.HoldId));
        Assert.Empty(_decider.Transfers(new ReturnLoan(Guid.NewGuid(), ByLender, LoanId, Lender), lent, Now));
        Assert.Equal(LoanCode.BeyondDeposit, _decider.Decide(new ClaimDeposit(Guid.NewGuid(), ByLender, LoanId, Lender, new Minutes(10), "lost", TimeSpan.FromDays(3)), lent, [], Now).Result.Code);
    }

    [Fact]
    public void the_return_voids_the_deposit_and_an_accepted_claim_posts_only_what_was_claimed()
    {
        var lent = Given(Requested(), Accepted(), HandedOver());
        var claimed = Given(Requested(), Accepted(), HandedOver(), new DepositClaimed(new Minutes(45), "손잡이 파손 / broken handle", Now.AddDays(3), false, "member:lender", Now));

        var release = Assert.IsType<VoidHold>(Assert.Single(_decider.Transfers(new ReturnLoan(Guid.NewGuid(), ByLender, LoanId, Lender), lent, Now)));
        var post = Assert.IsType<PostHold>(Assert.Single(_decider.Transfers(new ConfirmDepositClaim(Guid.NewGuid(), ByBorrower, LoanId, Borrower), claimed, Now)));

        Assert.Equal(LoanDecider.DepositOf(LoanId), release.HoldId);
        Assert.Equal(45L, post.AmountMinutes!.Value.Value);
        Assert.Equal(LoanCode.BeyondDeposit,
            _decider.Decide(new ClaimDeposit(Guid.NewGuid(), ByLender, LoanId, Lender, new Minutes(121), "lost", TimeSpan.FromDays(3)), lent, [], Now).Result.Code);
    }

    [Fact]
    public void only_the_side_whose_step_it_is_may_take_it()
    {
        var requested = Given(Requested());
        var lent = Given(Requested(), Accepted(), HandedOver());

        Assert.Equal(LoanCode.NotYourTurn, _decider.Decide(new AcceptLoan(Guid.NewGuid(), ByBorrower, LoanId, Borrower, TimeSpan.FromDays(7)), requested, [], Now).Result.Code);
        Assert.Equal(LoanCode.NotYourTurn, _decider.Decide(new ReturnLoan(Guid.NewGuid(), ByBorrower, LoanId, Borrower), lent, [], Now).Result.Code);
        Assert.Equal(LoanCode.WrongState, _decider.Decide(new CancelLoan(Guid.NewGuid(), ByBorrower, LoanId, Borrower), lent, [], Now).Result.Code);
        Assert.Equal(LoanCode.WrongState, _decider.Decide(new ConfirmDepositClaim(Guid.NewGuid(), ByBorrower, LoanId, Borrower), lent, [], Now).Result.Code);
        Assert.Equal(LoanCode.NotYourTurn, _decider.Decide(new RequestLoan(Guid.NewGuid(), ByLender, LoanId, Lender, Guid.NewGuid(), "x", Lender, "mapo", "mapo",
            Minutes.Zero, Minutes.Zero, 3, TimeSpan.FromDays(7)), null, [], Now).Result.Code);
    }

    [Fact]
    public void the_scheduler_reminds_once_when_overdue_then_claims_the_whole_deposit()
    {
        var lent = Given(Requested(), Accepted(), HandedOver());
        var due = new SettleDueLoan(Guid.NewGuid(), Scheduler, LoanId, TimeSpan.FromDays(3));

        Assert.Equal(LoanCode.NotDue, _decider.Decide(due, lent, [], Now.AddDays(6)).Result.Code);
        var reminded = _decider.Decide(due, lent, [], Now.AddDays(8));
        var overdue = reminded.Result.Loan!;
        Assert.Equal((LoanCode.Overdue, true, LoanStatus.Lent), (reminded.Result.Code, overdue.IsOverdue, overdue.Status));
        Assert.Equal(LoanCode.NotDue, _decider.Decide(due, overdue, [], Now.AddDays(9)).Result.Code);

        Assert.Empty(_decider.Transfers(due, overdue, Now.AddDays(38)));
        var claimed = _decider.Decide(due, overdue, [], Now.AddDays(38)).Result.Loan!;
        Assert.Equal((LoanStatus.Claimed, 120L), (claimed.Status, claimed.Claimed!.Value.Value));
        var post = Assert.IsType<PostHold>(Assert.Single(_decider.Transfers(due, claimed, Now.AddDays(42))));
        Assert.Null(post.AmountMinutes);
    }

    [Fact]
    public void a_dispute_is_ruled_by_either_sides_district_and_a_ruling_in_part_stays_below_the_deposit()
    {
        var disputed = Given(Requested(), Accepted(), HandedOver(), new LoanDisputed(LoanSide.Borrower, "돌려줬어요 / I returned it", "member:borrower", Now));
        ResolveLoanDispute Ruling(string district, DisputeRuling ruling, long? minutes) =>
            new(Guid.NewGuid(), new Attribution("coordinator:c", null, "tests"), LoanId, district, ruling, minutes is { } m ? new Minutes(m) : null, "확인함 / checked");

        Assert.Equal(LoanCode.OtherDistrict, _decider.Decide(Ruling("jongno", DisputeRuling.Void, null), disputed, [], Now).Result.Code);
        Assert.Equal(LoanCode.InvalidRuling, _decider.Decide(Ruling("mapo", DisputeRuling.PostInPart, 120), disputed, [], Now).Result.Code);
        var part = Assert.IsType<PostHold>(Assert.Single(_decider.Transfers(Ruling("gangnam", DisputeRuling.PostInPart, 40), disputed, Now)));
        var kept = _decider.Decide(Ruling("gangnam", DisputeRuling.PostInPart, 40), disputed, [Ok(part)], Now).Result.Loan!;
        Assert.Equal((LoanStatus.Kept, 40L, "coordinator:c"), (kept.Status, kept.Kept!.Value.Value, kept.ResolvedBy));
    }

    [Fact]
    public void a_refused_handover_leaves_the_loan_as_it_was_and_a_late_one_ends_it()
    {
        var agreed = Given(Requested(), Accepted());
        var handOver = new HandOverLoan(Guid.NewGuid(), ByLender, LoanId, Lender, ReturnWithin);
        var transfers = _decider.Transfers(handOver, agreed, Now);

        var refused = _decider.Decide(handOver, agreed, [new TransferOutcome(transfers[0].Id, TransferResult.LinkedEventFailed, false, null),
            new TransferOutcome(transfers[1].Id, TransferResult.DebitBelowFloor, false, null)], Now);
        Assert.Equal((LoanCode.LedgerRefused, "DebitBelowFloor", 0), (refused.Result.Code, refused.Result.LedgerRefusal, refused.Events.Count));

        Assert.Empty(_decider.Transfers(handOver, agreed, Now.AddDays(8)));
        Assert.Equal(LoanStatus.Expired, _decider.Decide(handOver, agreed, [], Now.AddDays(8)).Result.Loan!.Status);
    }
}
