using System.Text.Json;
using EPoomasi.Exchange.Deals;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Exchange.Loans;

/// <summary>
/// Decides loan steps on the ledger's write path, each with its ledger effect in the same transaction: the handover
/// moves the fee and holds the deposit as one linked pair; the return, and a ruling that it came back, void the hold;
/// a claim the borrower accepts, the scheduler confirms or a coordinator upholds posts it. A step the ledger refuses
/// changes nothing; a deposit's hold the ledger expired first ends the loan as expired, as the hold did.
/// </summary>
internal sealed class LoanDecider : ModuleDecider<LoanCommand, Loan, LoanEvent, LoanResult>
{
    public const string Name = "exchange.loan";

    public override string Kind => Name;

    protected override JsonSerializerOptions Json => ExchangeJson.Options;

    public static Guid DepositOf(Guid loanId) => DerivedIds.From(loanId, "deposit");

    internal static Guid FeeOf(Guid loanId) => DerivedIds.From(loanId, "fee");

    internal static Guid PostOf(Guid loanId) => DerivedIds.From(loanId, "post");

    internal static Guid VoidOf(Guid loanId) => DerivedIds.From(loanId, "void");

    /// <summary>How long a loan's deposit is held: its days, the time to return it late, and the time for a claim and a ruling after that.</summary>
    public static TimeSpan HoldFor(int days, TimeSpan returnWithin) => TimeSpan.FromDays(days) + returnWithin + Loan.HoldBeyondUnreturned;

    public override IReadOnlyList<TransferCommand> Transfers(LoanCommand command, Loan? state, DateTimeOffset now)
    {
        if (Refusal(command, state, now) is not null || state is null || TooLate(command, state, now)) return [];
        return command switch
        {
            HandOverLoan handOver => HandOver(handOver, state),
            ReturnLoan when state.HoldId is not null => [Void(command, state)],
            ConfirmDepositClaim => [Post(command, state, state.Claimed!.Value)],
            ResolveLoanDispute { Ruling: DisputeRuling.PostInFull } => [Post(command, state, state.Deposit)],
            ResolveLoanDispute { Ruling: DisputeRuling.PostInPart } resolve => [Post(command, state, resolve.Minutes!.Value)],
            ResolveLoanDispute when state.HoldId is not null => [Void(command, state)],
            SettleDueLoan when state.Status == LoanStatus.Claimed => [Post(command, state, state.Claimed!.Value)],
            SettleDueLoan when state.Status == LoanStatus.Disputed => [Void(command, state)],
            _ => [],
        };
    }

    public override ModuleDecision<LoanEvent, LoanResult> Decide(LoanCommand command, Loan? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        if (Refusal(command, state, now) is { } refusal) return new(new LoanResult(refusal, state), []);
        var by = command.By.ActorId;
        if (transfers.Any(t => t.Result == TransferResult.HoldExpired))
        {
            return Accept(state, new LoanExpired("보증금 보류가 만료됨 / the deposit's hold expired", by, now), LoanCode.Expired);
        }

        if (transfers.FirstOrDefault(t => !t.IsOk && t.Result != TransferResult.LinkedEventFailed) is { } refused)
        {
            return new(new LoanResult(LoanCode.LedgerRefused, state, refused.Result.ToString()), []);
        }

        if (state is not null && TooLate(command, state, now)) return Accept(state, new LoanExpired(null, by, now), LoanCode.Expired);
        return command switch
        {
            RequestLoan r => Accept(null, new LoanRequested(r.ListingId, r.Title, r.LenderAccountId, r.LenderDistrictId, r.AccountId, r.BorrowerDistrictId,
                r.Fee, r.Deposit, r.Days, now + r.AnswerWithin, by, now), LoanCode.Requested),
            AcceptLoan a => Accept(state, new LoanAccepted(now + a.HandOverWithin, by, now), LoanCode.Accepted),
            DeclineLoan => Accept(state, new LoanDeclined(by, now), LoanCode.Declined),
            CancelLoan c => Accept(state, new LoanCancelled(state!.SideOf(c.AccountId)!.Value, by, now), LoanCode.Cancelled),
            HandOverLoan h => Accept(state, HandedOver(h, state!, transfers, now), LoanCode.HandedOver),
            ReturnLoan => Accept(state, new LoanReturned(null, null, by, now), LoanCode.Returned),
            ClaimDeposit c => Accept(state, new DepositClaimed(c.Minutes, c.Reason.Trim(), ConfirmBy(state!, now + c.ConfirmWithin), false, by, now), LoanCode.Claimed),
            ConfirmDepositClaim => Accept(state, new DepositKept(state!.Claimed!.Value, false, null, null, by, now), LoanCode.Kept),
            DisputeLoan d => Accept(state, new LoanDisputed(state!.SideOf(d.AccountId)!.Value, d.Reason.Trim(), by, now), LoanCode.Disputed),
            ResolveLoanDispute { Ruling: DisputeRuling.Void } r => Accept(state, new LoanReturned(r.Ruling, r.Reason.Trim(), by, now), LoanCode.Resolved),
            ResolveLoanDispute r => Accept(state, new DepositKept(r.Ruling == DisputeRuling.PostInFull ? state!.Deposit : r.Minutes!.Value, false, r.Ruling, r.Reason.Trim(), by, now),
                LoanCode.Resolved),
            SettleDueLoan due => SettleDue(due, state!, now),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    public override Loan Evolve(Loan? state, LoanEvent change) => (state, change) switch
    {
        (null, LoanRequested r) => new Loan(r.ListingId, r.Title, r.LenderAccountId, r.LenderDistrictId, r.BorrowerAccountId, r.BorrowerDistrictId, r.Fee, r.Deposit, r.Days,
            LoanStatus.Requested, r.At, r.AnswerBy, r.At, r.By),
        ({ Status: LoanStatus.Requested } loan, LoanAccepted a) => loan with { Status = LoanStatus.Agreed, HandOverBy = a.HandOverBy, ChangedAt = a.At, ChangedBy = a.By },
        ({ Status: LoanStatus.Requested } loan, LoanDeclined d) => loan with { Status = LoanStatus.Declined, ChangedAt = d.At, ChangedBy = d.By },
        ({ Status: LoanStatus.Requested or LoanStatus.Agreed } loan, LoanCancelled c) => loan with { Status = LoanStatus.Cancelled, ChangedAt = c.At, ChangedBy = c.By },
        ({ Status: LoanStatus.Agreed } loan, LoanHandedOver h) => loan with
        {
            Status = LoanStatus.Lent, LentAt = h.At, DueBack = h.DueBack, UnreturnedAt = h.UnreturnedAt, HoldId = h.HoldId, HoldExpiresAt = h.HoldExpiresAt,
            ChangedAt = h.At, ChangedBy = h.By,
        },
        ({ Status: LoanStatus.Lent } loan, LoanOverdue) => loan with { OverdueNoticed = true },
        ({ Status: LoanStatus.Lent or LoanStatus.Claimed or LoanStatus.Disputed } loan, LoanReturned r) => loan with
        {
            Status = LoanStatus.Returned, Kept = Minutes.Zero, Ruling = r.Ruling, RulingReason = r.Reason, ResolvedBy = r.Ruling is null ? null : r.By, ChangedAt = r.At, ChangedBy = r.By,
        },
        ({ Status: LoanStatus.Lent } loan, DepositClaimed c) => loan with
        {
            Status = LoanStatus.Claimed, Claimed = c.Minutes, ClaimReason = c.Reason, ConfirmBy = c.ConfirmBy, ChangedAt = c.At, ChangedBy = c.By,
        },
        ({ Status: LoanStatus.Claimed or LoanStatus.Disputed } loan, DepositKept k) => loan with
        {
            Status = LoanStatus.Kept, Kept = k.Minutes, Ruling = k.Ruling, RulingReason = k.Reason, ResolvedBy = k.Ruling is null ? null : k.By, ChangedAt = k.At, ChangedBy = k.By,
        },
        ({ Status: LoanStatus.Lent or LoanStatus.Claimed } loan, LoanDisputed d) => loan with
        {
            Status = LoanStatus.Disputed, DisputedBy = d.Side, DisputeReason = d.Reason, ChangedAt = d.At, ChangedBy = d.By,
        },
        ({ Status: LoanStatus.Lent } loan, LoanUnreturned u) => loan with { Status = LoanStatus.Unreturned, ChangedAt = u.At, ChangedBy = u.By },
        ({ IsFinal: false } loan, LoanExpired e) => loan with
        {
            Status = LoanStatus.Expired, Kept = loan.HoldId is null ? null : Minutes.Zero, RulingReason = e.Reason, ChangedAt = e.At, ChangedBy = e.By,
        },
        _ => throw new InvalidOperationException($"{change.GetType().Name} cannot follow {state?.Status.ToString() ?? "nothing"}."),
    };

    private ModuleDecision<LoanEvent, LoanResult> Accept(Loan? state, LoanEvent change, LoanCode code) =>
        new(new LoanResult(code, Evolve(state, change)), [change]);

    // Overdue: remind once; long overdue: claim the whole deposit (the borrower may still dispute), or, with none, end it.
    private ModuleDecision<LoanEvent, LoanResult> SettleDue(SettleDueLoan due, Loan state, DateTimeOffset now)
    {
        var by = due.By.ActorId;
        return state.Status switch
        {
            LoanStatus.Lent when !state.OverdueNoticed => Accept(state, new LoanOverdue(by, now), LoanCode.Overdue),
            LoanStatus.Lent when state.Deposit.Value > 0 => Accept(state,
                new DepositClaimed(state.Deposit, "기한이 한참 지나도 돌아오지 않음 / not returned long after it was due", ConfirmBy(state, now + due.ConfirmWithin), true, by, now),
                LoanCode.Claimed),
            LoanStatus.Lent => Accept(state, new LoanUnreturned(by, now), LoanCode.Unreturned),
            LoanStatus.Claimed => Accept(state, new DepositKept(state.Claimed!.Value, true, null, null, by, now), LoanCode.Kept),
            LoanStatus.Disputed => Accept(state, new LoanExpired("보증금 보류 만료 전에 결정이 없음 / no ruling before the deposit's hold would expire", by, now), LoanCode.Expired),
            _ => Accept(state, new LoanExpired(null, by, now), LoanCode.Expired),
        };
    }

    private static List<TransferCommand> HandOver(HandOverLoan command, Loan state)
    {
        var transfers = new List<TransferCommand>();
        var deposit = state.Deposit.Value > 0;
        if (state.Fee.Value > 0)
        {
            transfers.Add(new CreateTransfer(FeeOf(command.LoanId), state.BorrowerAccountId, state.LenderAccountId, state.Fee, TransferCode.Goods, Memo(state), command.By,
                null, command.LoanId, Linked: deposit));
        }

        if (deposit)
        {
            transfers.Add(new CreateTransfer(DepositOf(command.LoanId), state.BorrowerAccountId, state.LenderAccountId, state.Deposit, TransferCode.Goods, Memo(state), command.By,
                HoldFor(state.Days, command.ReturnWithin), command.LoanId));
        }

        return transfers;
    }

    private static LoanHandedOver HandedOver(HandOverLoan command, Loan state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        var dueBack = now + TimeSpan.FromDays(state.Days);
        var hold = transfers.FirstOrDefault(t => t.Id == DepositOf(command.LoanId));
        return new LoanHandedOver(hold?.Id, hold is null ? null : now + HoldFor(state.Days, command.ReturnWithin), dueBack, dueBack + command.ReturnWithin,
            command.By.ActorId, now);
    }

    private static LoanCode? Refusal(LoanCommand command, Loan? state, DateTimeOffset now) => (command, state) switch
    {
        (RequestLoan, not null) => LoanCode.AlreadyExists,
        (RequestLoan r, null) when r.AccountId == r.LenderAccountId => LoanCode.NotYourTurn,
        (RequestLoan, null) => null,
        (_, null) => LoanCode.NotFound,
        (SettleDueLoan, { } loan) when loan.DueAt is not { } due || due > now => LoanCode.NotDue,
        (SettleDueLoan, _) => null,
        (ResolveLoanDispute, { Status: not LoanStatus.Disputed }) => LoanCode.WrongState,
        (ResolveLoanDispute r, { } loan) when r.DistrictId != loan.LenderDistrictId && r.DistrictId != loan.BorrowerDistrictId => LoanCode.OtherDistrict,
        (ResolveLoanDispute r, _) when !IsReason(r.Reason) => LoanCode.ReasonRequired,
        (ResolveLoanDispute r, _) when !Enum.IsDefined(r.Ruling) => LoanCode.InvalidRuling,
        (ResolveLoanDispute { Ruling: not DisputeRuling.Void }, { Deposit.Value: 0 }) => LoanCode.InvalidRuling,
        (ResolveLoanDispute { Ruling: DisputeRuling.PostInPart } r, { } loan) when r.Minutes is not { } m || m.Value <= 0 || m >= loan.Deposit => LoanCode.InvalidRuling,
        (ResolveLoanDispute, _) => null,
        (_, { } loan) when loan.SideOf(command.AccountId) is null => LoanCode.NotYourTurn,
        (AcceptLoan or DeclineLoan, { Status: not LoanStatus.Requested }) => LoanCode.WrongState,
        (CancelLoan, { Status: not (LoanStatus.Requested or LoanStatus.Agreed) }) => LoanCode.WrongState,
        (HandOverLoan, { Status: not LoanStatus.Agreed }) => LoanCode.WrongState,
        (ReturnLoan, { Status: not (LoanStatus.Lent or LoanStatus.Claimed) }) => LoanCode.WrongState,
        (ClaimDeposit, { Status: not LoanStatus.Lent }) => LoanCode.WrongState,
        (ConfirmDepositClaim, { Status: not LoanStatus.Claimed }) => LoanCode.WrongState,
        (DisputeLoan, { Status: not (LoanStatus.Lent or LoanStatus.Claimed) }) => LoanCode.WrongState,
        (AcceptLoan or DeclineLoan or HandOverLoan or ReturnLoan or ClaimDeposit, { } loan) when loan.SideOf(command.AccountId) != LoanSide.Lender => LoanCode.NotYourTurn,
        (ConfirmDepositClaim, { } loan) when loan.SideOf(command.AccountId) != LoanSide.Borrower => LoanCode.NotYourTurn,
        (ClaimDeposit c, _) when !IsReason(c.Reason) => LoanCode.ReasonRequired,
        (ClaimDeposit c, { } loan) when c.Minutes.Value <= 0 || c.Minutes > loan.Deposit => LoanCode.BeyondDeposit,
        (DisputeLoan d, _) when !IsReason(d.Reason) => LoanCode.ReasonRequired,
        _ => null,
    };

    // An answer after the deadline, or a handover after its day, ends the loan instead.
    private static bool TooLate(LoanCommand command, Loan state, DateTimeOffset now) => (command, state) switch
    {
        (AcceptLoan or DeclineLoan, { Status: LoanStatus.Requested }) => now >= state.AnswerBy,
        (HandOverLoan, { Status: LoanStatus.Agreed, HandOverBy: { } by }) => now >= by,
        _ => false,
    };

    private static DateTimeOffset ConfirmBy(Loan state, DateTimeOffset wanted) =>
        state.HoldExpiresAt is { } expires && expires - Deal.SafetyMargin < wanted ? expires - Deal.SafetyMargin : wanted;

    private static PostHold Post(LoanCommand command, Loan state, Minutes amount) =>
        new(PostOf(command.LoanId), state.HoldId!.Value, amount == state.Deposit ? null : amount, command.By);

    private static VoidHold Void(LoanCommand command, Loan state) => new(VoidOf(command.LoanId), state.HoldId!.Value, command.By);

    private static string Memo(Loan state) => state.Title.Length <= LedgerLimits.MemoMaxLength ? state.Title : state.Title[..LedgerLimits.MemoMaxLength];

    private static bool IsReason(string reason) => !string.IsNullOrWhiteSpace(reason) && reason.Length <= LedgerLimits.ReasonMaxLength;
}
