using System.Text.Json.Serialization;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Exchange.Deals;

/// <summary>Where a deal stands. Settled, declined, cancelled and expired are final.</summary>
public enum DealStatus
{
    /// <summary>Proposed or countered: the side in <see cref="Deal.Awaiting"/> answers.</summary>
    Proposed,

    /// <summary>Agreed: the amount is held on the receiver's account.</summary>
    Accepted,

    /// <summary>The provider stated the minutes given; the receiver confirms or disputes.</summary>
    Claimed,

    /// <summary>A side disputes; a coordinator of either side's district resolves it.</summary>
    Disputed,

    /// <summary>The hold was posted, in full or in part, and the rest released.</summary>
    Settled,
    Declined,
    Cancelled,

    /// <summary>Not answered in time, or not done before its hold would have expired: the hold was voided.</summary>
    Expired,
}

/// <summary>A side of a deal: who gives the time or the thing, and who receives and pays.</summary>
public enum DealSide
{
    Provider,
    Receiver,
}

/// <summary>How a coordinator settles a dispute.</summary>
public enum DisputeRuling
{
    /// <summary>The hold posted in full.</summary>
    PostInFull,

    /// <summary>Part of the hold posted, the rest released.</summary>
    PostInPart,

    /// <summary>Nothing paid; the hold released.</summary>
    Void,
}

/// <summary>
/// A deal between a provider and a receiver on a listing, as its events leave it. The amount is held on the
/// receiver's account from acceptance until the deal settles or ends, and the hold changes only in the same
/// transaction as the deal, so the two never disagree.
/// </summary>
public sealed record Deal(
    Guid ListingId,
    string Title,
    Guid ProviderAccountId,
    string ProviderDistrictId,
    Guid ReceiverAccountId,
    string ReceiverDistrictId,
    bool Goods,
    Minutes Amount,
    DealSide Awaiting,
    DealStatus Status,
    DateTimeOffset ProposedAt,
    DateTimeOffset AnswerBy,
    DateTimeOffset ChangedAt,
    string ChangedBy,
    Guid? HoldId = null,
    DateTimeOffset? HoldExpiresAt = null,
    DateTimeOffset? WorkBy = null,
    Minutes? Claimed = null,
    DateTimeOffset? ConfirmBy = null,
    Minutes? Paid = null,
    DealSide? DisputedBy = null,
    string? DisputeReason = null,
    DisputeRuling? Ruling = null,
    string? RulingReason = null,
    string? ResolvedBy = null,
    int Messages = 0)
{
    /// <summary>How long before its hold would expire a deal is settled or ended, so that the ledger never expires it first.</summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromHours(1);

    /// <summary>The side <paramref name="accountId"/> is on, or null when it is on neither.</summary>
    public DealSide? SideOf(Guid accountId) =>
        accountId == ProviderAccountId ? DealSide.Provider : accountId == ReceiverAccountId ? DealSide.Receiver : null;

    /// <summary>True when the deal can change no more.</summary>
    [JsonIgnore]
    public bool IsFinal => Status is DealStatus.Settled or DealStatus.Declined or DealStatus.Cancelled or DealStatus.Expired;

    /// <summary>The instant the scheduler acts on this deal, or null when nothing is due (<see cref="DealDecider"/> says what it does).</summary>
    [JsonIgnore]
    public DateTimeOffset? DueAt => Status switch
    {
        DealStatus.Proposed => AnswerBy,
        DealStatus.Accepted => WorkBy,
        DealStatus.Disputed => HoldExpiresAt - SafetyMargin,
        DealStatus.Claimed => ConfirmBy,
        _ => null,
    };
}

/// <summary>A command on one deal; its key is the deal's id. <paramref name="AccountId"/> is the side acting (empty for the scheduler and coordinators' rulings).</summary>
public abstract record DealCommand(Guid Id, Attribution By, Guid DealId, Guid AccountId) : ModuleCommand(Id, By)
{
    public override string StateKey => DealId.ToString();
}

/// <summary>
/// One side proposes a deal on a listing; the other side answers within <paramref name="AnswerWithin"/> of the moment it
/// is decided. A period, not an instant: the same request sent again, even while the first is still in flight, is the
/// same command, so it answers the first outcome instead of "id used for a different request".
/// </summary>
public sealed record ProposeDeal(
    Guid Id, Attribution By, Guid DealId, Guid AccountId, Guid ListingId, string Title, Guid ProviderAccountId, string ProviderDistrictId,
    Guid ReceiverAccountId, string ReceiverDistrictId, bool Goods, Minutes Amount, TimeSpan AnswerWithin)
    : DealCommand(Id, By, DealId, AccountId);

/// <summary>The side that was asked proposes another amount instead; now the other side answers.</summary>
public sealed record CounterDeal(Guid Id, Attribution By, Guid DealId, Guid AccountId, Minutes Amount, TimeSpan AnswerWithin) : DealCommand(Id, By, DealId, AccountId);

/// <summary>The side that was asked agrees: the amount is held on the receiver's account for <paramref name="HoldFor"/>.</summary>
public sealed record AcceptDeal(Guid Id, Attribution By, Guid DealId, Guid AccountId, TimeSpan HoldFor, TimeSpan WorkWithin) : DealCommand(Id, By, DealId, AccountId);

public sealed record DeclineDeal(Guid Id, Attribution By, Guid DealId, Guid AccountId) : DealCommand(Id, By, DealId, AccountId);

/// <summary>Either side withdraws before the work is claimed; an accepted deal's hold is voided.</summary>
public sealed record CancelDeal(Guid Id, Attribution By, Guid DealId, Guid AccountId) : DealCommand(Id, By, DealId, AccountId);

/// <summary>The provider states the minutes actually given; unless disputed, they are paid by <paramref name="ConfirmWithin"/>.</summary>
public sealed record ClaimDeal(Guid Id, Attribution By, Guid DealId, Guid AccountId, Minutes Minutes, TimeSpan ConfirmWithin) : DealCommand(Id, By, DealId, AccountId);

/// <summary>
/// The receiver confirms the claim: the hold is posted, in part when less was claimed. A claim above the hold is paid in
/// full only with <paramref name="AgreeAboveHold"/>; the rest moves as a transfer linked to the post.
/// </summary>
public sealed record ConfirmDeal(Guid Id, Attribution By, Guid DealId, Guid AccountId, bool AgreeAboveHold) : DealCommand(Id, By, DealId, AccountId);

/// <summary>Either side disputes an accepted or claimed deal.</summary>
public sealed record DisputeDeal(Guid Id, Attribution By, Guid DealId, Guid AccountId, string Reason) : DealCommand(Id, By, DealId, AccountId);

/// <summary>A coordinator of <paramref name="DistrictId"/>, either side's district, rules on a dispute.</summary>
public sealed record ResolveDispute(Guid Id, Attribution By, Guid DealId, string DistrictId, DisputeRuling Ruling, Minutes? Minutes, string Reason)
    : DealCommand(Id, By, DealId, Guid.Empty);

/// <summary>A side wrote on the deal's thread: the words are kept as a document, the log notes that they were written.</summary>
public sealed record NoteMessage(Guid Id, Attribution By, Guid DealId, Guid AccountId, Guid MessageId) : DealCommand(Id, By, DealId, AccountId);

/// <summary>The scheduler acts on a deal whose time has come: expires it, or confirms its claim. Refused when nothing is due.</summary>
public sealed record SettleDueDeal(Guid Id, Attribution By, Guid DealId) : DealCommand(Id, By, DealId, Guid.Empty);

[JsonPolymorphic]
[JsonDerivedType(typeof(DealProposed), "proposed")]
[JsonDerivedType(typeof(DealCountered), "countered")]
[JsonDerivedType(typeof(DealAccepted), "accepted")]
[JsonDerivedType(typeof(DealDeclined), "declined")]
[JsonDerivedType(typeof(DealCancelled), "cancelled")]
[JsonDerivedType(typeof(DealClaimed), "claimed")]
[JsonDerivedType(typeof(DealSettled), "settled")]
[JsonDerivedType(typeof(DealDisputed), "disputed")]
[JsonDerivedType(typeof(DealExpired), "expired")]
[JsonDerivedType(typeof(DealMessagePosted), "message")]
public abstract record DealEvent(string By, DateTimeOffset At);

public sealed record DealProposed(
    Guid ListingId, string Title, Guid ProviderAccountId, string ProviderDistrictId, Guid ReceiverAccountId, string ReceiverDistrictId, bool Goods,
    Minutes Amount, DealSide Awaiting, DateTimeOffset AnswerBy, string By, DateTimeOffset At) : DealEvent(By, At);

public sealed record DealCountered(Minutes Amount, DealSide Awaiting, DateTimeOffset AnswerBy, string By, DateTimeOffset At) : DealEvent(By, At);

public sealed record DealAccepted(Guid HoldId, DateTimeOffset HoldExpiresAt, DateTimeOffset WorkBy, string By, DateTimeOffset At) : DealEvent(By, At);

public sealed record DealDeclined(string By, DateTimeOffset At) : DealEvent(By, At);

public sealed record DealCancelled(DealSide Side, string By, DateTimeOffset At) : DealEvent(By, At);

public sealed record DealClaimed(Minutes Minutes, DateTimeOffset ConfirmBy, string By, DateTimeOffset At) : DealEvent(By, At);

/// <summary>Paid: by the receiver's confirmation, automatically, or by a coordinator's ruling (with its reason).</summary>
public sealed record DealSettled(Minutes Paid, bool Automatic, DisputeRuling? Ruling, string? Reason, string By, DateTimeOffset At) : DealEvent(By, At);

public sealed record DealDisputed(DealSide Side, string Reason, string By, DateTimeOffset At) : DealEvent(By, At);

/// <summary>A side wrote on the thread; the words are the document <paramref name="MessageId"/>, outside the log.</summary>
public sealed record DealMessagePosted(Guid MessageId, DealSide Side, string By, DateTimeOffset At) : DealEvent(By, At);

/// <summary>Ended with nothing paid: not answered in time, not done in time, ruled void, or its hold expired.</summary>
public sealed record DealExpired(DisputeRuling? Ruling, string? Reason, string By, DateTimeOffset At) : DealEvent(By, At);

/// <summary>What a deal command came to.</summary>
public enum DealCode
{
    Proposed,
    Countered,
    Accepted,
    Declined,
    Cancelled,
    Claimed,
    Settled,
    Disputed,
    Resolved,
    Expired,

    /// <summary>A message on the thread was noted.</summary>
    MessageNoted,

    /// <summary>A deal with this id exists already.</summary>
    AlreadyExists,
    NotFound,

    /// <summary>The account named is not on the side that may take this step.</summary>
    NotYourTurn,

    /// <summary>The step does not apply to the deal as it stands (claiming before acceptance, say).</summary>
    WrongState,

    /// <summary>The claim is above the hold and the receiver has not agreed to pay more.</summary>
    AboveHoldNeedsConsent,

    /// <summary>A dispute and a ruling each need a reason of 1 to 512 characters.</summary>
    ReasonRequired,

    /// <summary>The coordinator's district is neither side's.</summary>
    OtherDistrict,

    /// <summary>The ruling's minutes are missing, or not below the hold.</summary>
    InvalidRuling,

    /// <summary>The scheduler found nothing due.</summary>
    NotDue,

    /// <summary>The ledger refused the hold, post or transfer (not enough credit, say); see the refusal. The deal is unchanged.</summary>
    LedgerRefused,
}

/// <summary>The answer to a deal command.</summary>
public sealed record DealResult(DealCode Code, Deal? Deal, string? LedgerRefusal = null)
{
    [JsonIgnore]
    public bool Replayed { get; init; }

    [JsonIgnore]
    public Guid DealId { get; init; }
}
