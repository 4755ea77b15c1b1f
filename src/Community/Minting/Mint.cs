using System.Text.Json.Serialization;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Community.Minting;

/// <summary>Where a coordinator's mint stands.</summary>
public enum MintStatus
{
    /// <summary>Above the district's threshold: a hold on issuance, waiting for a second coordinator.</summary>
    AwaitingApproval,

    /// <summary>Paid to the member.</summary>
    Minted,

    /// <summary>Declined, or withdrawn by its requester; the hold was voided.</summary>
    Declined,

    /// <summary>Nobody approved it before its hold expired.</summary>
    Expired,
}

/// <summary>
/// A coordinator's mint of new hours for community work, as its events leave it. The hours move by a
/// transfer from the district's issuance account, whose floor is the mint budget, so no mint passes it.
/// </summary>
/// <param name="DistrictId">The district whose issuance pays.</param>
/// <param name="AccountId">The member's account paid.</param>
/// <param name="Amount">How much.</param>
/// <param name="Reason">Why, for auditors.</param>
/// <param name="RequestedBy">The coordinator who asked.</param>
/// <param name="TransferId">The transfer (a hold while awaiting approval).</param>
/// <param name="ApprovedBy">The second coordinator, once approved.</param>
/// <param name="DeclinedBy">Who declined or withdrew it.</param>
/// <param name="DeclineReason">Why.</param>
public sealed record Mint(
    string DistrictId,
    Guid AccountId,
    Minutes Amount,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    MintStatus Status,
    Guid TransferId,
    string? ApprovedBy = null,
    string? DeclinedBy = null,
    string? DeclineReason = null);

/// <summary>A command on one mint; its key is the mint's id.</summary>
public abstract record MintCommand(Guid Id, Attribution By, Guid MintId, string DistrictId) : ModuleCommand(Id, By)
{
    public override string StateKey => MintId.ToString();
}

/// <summary>
/// A coordinator mints for community work. Above <paramref name="ApprovalAbove"/> it is a hold on issuance
/// that a second coordinator must approve within <paramref name="WaitAtMost"/>.
/// </summary>
public sealed record RequestMint(
    Guid Id, Attribution By, Guid MintId, string DistrictId, Guid AccountId, Minutes Amount, string Reason, Guid IssuanceAccountId,
    Minutes? ApprovalAbove, TimeSpan WaitAtMost)
    : MintCommand(Id, By, MintId, DistrictId);

/// <summary>A second coordinator approves a mint waiting for them: its hold is posted.</summary>
public sealed record ApproveMint(Guid Id, Attribution By, Guid MintId, string DistrictId) : MintCommand(Id, By, MintId, DistrictId);

/// <summary>A coordinator declines a waiting mint, or its requester withdraws it: its hold is voided.</summary>
public sealed record DeclineMint(Guid Id, Attribution By, Guid MintId, string DistrictId, string Reason) : MintCommand(Id, By, MintId, DistrictId);

[JsonPolymorphic]
[JsonDerivedType(typeof(MintRequested), "requested")]
[JsonDerivedType(typeof(MintApproved), "approved")]
[JsonDerivedType(typeof(MintDeclined), "declined")]
[JsonDerivedType(typeof(MintExpired), "expired")]
public abstract record MintEvent(string By, DateTimeOffset At);

public sealed record MintRequested(
    string DistrictId, Guid AccountId, Minutes Amount, string Reason, Guid TransferId, bool AwaitsApproval, string By, DateTimeOffset At) : MintEvent(By, At);

public sealed record MintApproved(string By, DateTimeOffset At) : MintEvent(By, At);

public sealed record MintDeclined(string Reason, string By, DateTimeOffset At) : MintEvent(By, At);

public sealed record MintExpired(string By, DateTimeOffset At) : MintEvent(By, At);

/// <summary>What a minting command came to.</summary>
public enum MintCode
{
    Minted,
    AwaitingApproval,
    Approved,
    Declined,

    /// <summary>A mint with this id exists already.</summary>
    AlreadyRequested,
    NotFound,

    /// <summary>The mint belongs to another district than the one named.</summary>
    OtherDistrict,

    /// <summary>The mint is not waiting for approval (minted, declined or expired).</summary>
    NotAwaiting,

    /// <summary>The requester cannot approve their own mint.</summary>
    OwnRequest,

    /// <summary>A mint and a decline each need a reason of 1 to 512 characters.</summary>
    ReasonRequired,

    /// <summary>The ledger refused the transfer (the budget is spent, say); see the refusal.</summary>
    LedgerRefused,

    /// <summary>The hold expired before anyone approved it; the mint is over.</summary>
    Expired,

    /// <summary>No district has this id.</summary>
    DistrictNotFound,
}

/// <summary>The answer to a minting command.</summary>
/// <param name="Code">What it came to.</param>
/// <param name="Mint">The mint after it.</param>
/// <param name="LedgerRefusal">The ledger's result code, for <see cref="MintCode.LedgerRefused"/>.</param>
public sealed record MintResult(MintCode Code, Mint? Mint, string? LedgerRefusal = null)
{
    /// <summary>The mint's id, filled in by <see cref="CommunityModule"/> for the caller.</summary>
    [JsonIgnore]
    public Guid MintId { get; init; }

    /// <summary>True when this answers a repeat of the request's id.</summary>
    [JsonIgnore]
    public bool Replayed { get; init; }
}
