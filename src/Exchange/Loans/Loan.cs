using System.Text.Json.Serialization;
using EPoomasi.Exchange.Deals;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange.Loans;

/// <summary>Where a loan stands. Returned, kept, unreturned, declined, cancelled and expired are final.</summary>
public enum LoanStatus
{
    /// <summary>The borrower asked; the lender answers.</summary>
    Requested,

    /// <summary>The lender agreed; the thing is to be handed over.</summary>
    Agreed,

    /// <summary>Handed over: the fee was paid and the deposit is held on the borrower's account until the thing comes back.</summary>
    Lent,

    /// <summary>The lender claims some or all of the deposit (the thing came back damaged, or not at all); the borrower accepts or disputes.</summary>
    Claimed,

    /// <summary>A side disputes; a coordinator of either side's district rules.</summary>
    Disputed,

    /// <summary>Came back: the deposit was released.</summary>
    Returned,

    /// <summary>The lender kept some or all of the deposit (<see cref="Loan.Kept"/>), the rest released.</summary>
    Kept,

    /// <summary>Not back long after it was due, and there was no deposit to keep.</summary>
    Unreturned,
    Declined,
    Cancelled,

    /// <summary>Not answered or not handed over in time; or its deposit's hold expired.</summary>
    Expired,
}

/// <summary>A side of a loan.</summary>
public enum LoanSide
{
    Lender,
    Borrower,
}

/// <summary>
/// A thing lent from one member to another for <see cref="Days"/>, as its events leave it. On handover the fee moves and
/// the deposit is held on the borrower's account, in the same transaction as the loan, so the two never disagree; the
/// hold is voided on return, or posted in part or in full when the thing comes back damaged or not at all.
/// </summary>
public sealed record Loan(
    Guid ListingId,
    string Title,
    Guid LenderAccountId,
    string LenderDistrictId,
    Guid BorrowerAccountId,
    string BorrowerDistrictId,
    Minutes Fee,
    Minutes Deposit,
    int Days,
    LoanStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset AnswerBy,
    DateTimeOffset ChangedAt,
    string ChangedBy,
    DateTimeOffset? HandOverBy = null,
    DateTimeOffset? LentAt = null,
    DateTimeOffset? DueBack = null,
    DateTimeOffset? UnreturnedAt = null,
    Guid? HoldId = null,
    DateTimeOffset? HoldExpiresAt = null,
    bool OverdueNoticed = false,
    Minutes? Claimed = null,
    string? ClaimReason = null,
    DateTimeOffset? ConfirmBy = null,
    Minutes? Kept = null,
    LoanSide? DisputedBy = null,
    string? DisputeReason = null,
    DisputeRuling? Ruling = null,
    string? RulingReason = null,
    string? ResolvedBy = null)
{
    /// <summary>The longest a loan runs, in days.</summary>
    public const int MaxDays = 60;

    /// <summary>How long a deposit stays held after the loan's unreturned date: time for a claim, its confirmation, and a ruling.</summary>
    public static readonly TimeSpan HoldBeyondUnreturned = TimeSpan.FromDays(30);

    /// <summary>The side <paramref name="accountId"/> is on, or null when it is on neither.</summary>
    public LoanSide? SideOf(Guid accountId) =>
        accountId == LenderAccountId ? LoanSide.Lender : accountId == BorrowerAccountId ? LoanSide.Borrower : null;

    /// <summary>True when the loan can change no more.</summary>
    [JsonIgnore]
    public bool IsFinal => Status is LoanStatus.Returned or LoanStatus.Kept or LoanStatus.Unreturned or LoanStatus.Declined or LoanStatus.Cancelled or LoanStatus.Expired;

    /// <summary>True while the thing is out and not yet back by its due date.</summary>
    [JsonIgnore]
    public bool IsOverdue => OverdueNoticed && Status is LoanStatus.Lent or LoanStatus.Claimed or LoanStatus.Disputed;

    /// <summary>The instant the scheduler acts on this loan, or null when nothing is due (<see cref="LoanDecider"/> says what it does).</summary>
    [JsonIgnore]
    public DateTimeOffset? DueAt => Status switch
    {
        LoanStatus.Requested => AnswerBy,
        LoanStatus.Agreed => HandOverBy,
        LoanStatus.Lent when !OverdueNoticed => DueBack,
        LoanStatus.Lent => UnreturnedAt,
        LoanStatus.Claimed => ConfirmBy,
        LoanStatus.Disputed => HoldExpiresAt - Deal.SafetyMargin,
        _ => null,
    };
}

/// <summary>A command on one loan; its key is the loan's id. <paramref name="AccountId"/> is the side acting (empty for the scheduler and rulings).</summary>
public abstract record LoanCommand(Guid Id, Attribution By, Guid LoanId, Guid AccountId) : ModuleCommand(Id, By)
{
    public override string StateKey => LoanId.ToString();
}

/// <summary>The borrower asks to borrow the thing of a loan listing for <paramref name="Days"/>, on the listing's fee and deposit.</summary>
public sealed record RequestLoan(
    Guid Id, Attribution By, Guid LoanId, Guid AccountId, Guid ListingId, string Title, Guid LenderAccountId, string LenderDistrictId,
    string BorrowerDistrictId, Minutes Fee, Minutes Deposit, int Days, TimeSpan AnswerWithin) : LoanCommand(Id, By, LoanId, AccountId);

/// <summary>The lender agrees; the thing is to be handed over within <paramref name="HandOverWithin"/>.</summary>
public sealed record AcceptLoan(Guid Id, Attribution By, Guid LoanId, Guid AccountId, TimeSpan HandOverWithin) : LoanCommand(Id, By, LoanId, AccountId);

public sealed record DeclineLoan(Guid Id, Attribution By, Guid LoanId, Guid AccountId) : LoanCommand(Id, By, LoanId, AccountId);

/// <summary>Either side withdraws before the handover.</summary>
public sealed record CancelLoan(Guid Id, Attribution By, Guid LoanId, Guid AccountId) : LoanCommand(Id, By, LoanId, AccountId);

/// <summary>
/// The lender hands the thing over: the fee moves and the deposit is held, as one linked pair. The loan is due back in
/// its days, and counts as not returned <paramref name="ReturnWithin"/> after that.
/// </summary>
public sealed record HandOverLoan(Guid Id, Attribution By, Guid LoanId, Guid AccountId, TimeSpan ReturnWithin) : LoanCommand(Id, By, LoanId, AccountId);

/// <summary>The lender has the thing back in order: the deposit is released (also when a claim was pending).</summary>
public sealed record ReturnLoan(Guid Id, Attribution By, Guid LoanId, Guid AccountId) : LoanCommand(Id, By, LoanId, AccountId);

/// <summary>The lender claims <paramref name="Minutes"/> of the deposit, with a reason; unless disputed, they are paid by <paramref name="ConfirmWithin"/>.</summary>
public sealed record ClaimDeposit(Guid Id, Attribution By, Guid LoanId, Guid AccountId, Minutes Minutes, string Reason, TimeSpan ConfirmWithin)
    : LoanCommand(Id, By, LoanId, AccountId);

/// <summary>The borrower accepts the lender's claim: that much of the deposit is posted, the rest released.</summary>
public sealed record ConfirmDepositClaim(Guid Id, Attribution By, Guid LoanId, Guid AccountId) : LoanCommand(Id, By, LoanId, AccountId);

/// <summary>Either side disputes a loan that is out or claimed.</summary>
public sealed record DisputeLoan(Guid Id, Attribution By, Guid LoanId, Guid AccountId, string Reason) : LoanCommand(Id, By, LoanId, AccountId);

/// <summary>A coordinator of <paramref name="DistrictId"/>, either side's district, rules: keep the deposit in full or in part, or release it (returned).</summary>
public sealed record ResolveLoanDispute(Guid Id, Attribution By, Guid LoanId, string DistrictId, DisputeRuling Ruling, Minutes? Minutes, string Reason)
    : LoanCommand(Id, By, LoanId, Guid.Empty);

/// <summary>The scheduler acts on a loan whose time has come (<see cref="Loan.DueAt"/>). Refused when nothing is due.</summary>
public sealed record SettleDueLoan(Guid Id, Attribution By, Guid LoanId, TimeSpan ConfirmWithin) : LoanCommand(Id, By, LoanId, Guid.Empty);

[JsonPolymorphic]
[JsonDerivedType(typeof(LoanRequested), "requested")]
[JsonDerivedType(typeof(LoanAccepted), "accepted")]
[JsonDerivedType(typeof(LoanDeclined), "declined")]
[JsonDerivedType(typeof(LoanCancelled), "cancelled")]
[JsonDerivedType(typeof(LoanHandedOver), "handed-over")]
[JsonDerivedType(typeof(LoanOverdue), "overdue")]
[JsonDerivedType(typeof(LoanReturned), "returned")]
[JsonDerivedType(typeof(DepositClaimed), "claimed")]
[JsonDerivedType(typeof(DepositKept), "kept")]
[JsonDerivedType(typeof(LoanDisputed), "disputed")]
[JsonDerivedType(typeof(LoanUnreturned), "unreturned")]
[JsonDerivedType(typeof(LoanExpired), "expired")]
public abstract record LoanEvent(string By, DateTimeOffset At);

public sealed record LoanRequested(
    Guid ListingId, string Title, Guid LenderAccountId, string LenderDistrictId, Guid BorrowerAccountId, string BorrowerDistrictId,
    Minutes Fee, Minutes Deposit, int Days, DateTimeOffset AnswerBy, string By, DateTimeOffset At) : LoanEvent(By, At);

public sealed record LoanAccepted(DateTimeOffset HandOverBy, string By, DateTimeOffset At) : LoanEvent(By, At);

public sealed record LoanDeclined(string By, DateTimeOffset At) : LoanEvent(By, At);

public sealed record LoanCancelled(LoanSide Side, string By, DateTimeOffset At) : LoanEvent(By, At);

/// <summary>Handed over; <paramref name="HoldId"/> is the deposit's hold, when there is a deposit.</summary>
public sealed record LoanHandedOver(Guid? HoldId, DateTimeOffset? HoldExpiresAt, DateTimeOffset DueBack, DateTimeOffset UnreturnedAt, string By, DateTimeOffset At)
    : LoanEvent(By, At);

/// <summary>Past its due date and not back: both sides are reminded, once.</summary>
public sealed record LoanOverdue(string By, DateTimeOffset At) : LoanEvent(By, At);

/// <summary>Back, the deposit released: recorded by the lender, or ruled by a coordinator (with its reason).</summary>
public sealed record LoanReturned(DisputeRuling? Ruling, string? Reason, string By, DateTimeOffset At) : LoanEvent(By, At);

/// <summary>The lender claims part or all of the deposit; <paramref name="Automatic"/> when the scheduler claimed all of it for a thing not returned.</summary>
public sealed record DepositClaimed(Minutes Minutes, string Reason, DateTimeOffset ConfirmBy, bool Automatic, string By, DateTimeOffset At) : LoanEvent(By, At);

/// <summary>The lender kept <paramref name="Minutes"/> of the deposit: accepted by the borrower, automatically, or by a ruling.</summary>
public sealed record DepositKept(Minutes Minutes, bool Automatic, DisputeRuling? Ruling, string? Reason, string By, DateTimeOffset At) : LoanEvent(By, At);

public sealed record LoanDisputed(LoanSide Side, string Reason, string By, DateTimeOffset At) : LoanEvent(By, At);

public sealed record LoanUnreturned(string By, DateTimeOffset At) : LoanEvent(By, At);

public sealed record LoanExpired(string? Reason, string By, DateTimeOffset At) : LoanEvent(By, At);

/// <summary>What a loan command came to.</summary>
public enum LoanCode
{
    Requested,
    Accepted,
    Declined,
    Cancelled,
    HandedOver,
    Returned,
    Claimed,
    Kept,
    Disputed,
    Resolved,
    Overdue,
    Unreturned,
    Expired,

    /// <summary>A loan with this id exists already.</summary>
    AlreadyExists,
    NotFound,

    /// <summary>The account named is not on the side that may take this step.</summary>
    NotYourTurn,

    /// <summary>The step does not apply to the loan as it stands.</summary>
    WrongState,

    /// <summary>A claim, a dispute and a ruling each need a reason of 1 to 512 characters.</summary>
    ReasonRequired,

    /// <summary>The coordinator's district is neither side's.</summary>
    OtherDistrict,

    /// <summary>The claim asks for more than the deposit, or for a deposit there is not.</summary>
    BeyondDeposit,

    /// <summary>The ruling keeps more than the deposit or a part that is not below it, or keeps a deposit there is not.</summary>
    InvalidRuling,

    /// <summary>The scheduler found nothing due.</summary>
    NotDue,

    /// <summary>The ledger refused the fee or the deposit's hold (not enough credit, say); see the refusal. The loan is unchanged.</summary>
    LedgerRefused,
}

/// <summary>The answer to a loan command.</summary>
public sealed record LoanResult(LoanCode Code, Loan? Loan, string? LedgerRefusal = null)
{
    [JsonIgnore]
    public bool Replayed { get; init; }

    [JsonIgnore]
    public Guid LoanId { get; init; }
}
