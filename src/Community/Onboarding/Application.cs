using System.Text.Json.Serialization;
using EPoomasi.Ledger;
using EPoomasi.Ledger.Modules;

namespace EPoomasi.Community.Onboarding;

/// <summary>Where an application to join a district stands.</summary>
public enum ApplicationStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// A person's application to join a district, as its events leave it. It names the applicant by member id
/// only: who they are is in their profile, outside the event log.
/// </summary>
/// <param name="MemberId">The applicant.</param>
/// <param name="DistrictId">The district they apply to join.</param>
/// <param name="AppliedBy">Who entered the application: the applicant, or a coordinator for them.</param>
/// <param name="AppliedAt">When.</param>
/// <param name="EarlierMember">A member who gave the same contact or name first, for the coordinator to check; null when none.</param>
/// <param name="OrientationDone">Whether a coordinator recorded the applicant's orientation.</param>
/// <param name="AccountId">The account approval opened; null until then.</param>
/// <param name="WelcomeGrant">What approval paid from issuance.</param>
/// <param name="DecidedBy">The coordinator who approved or declined.</param>
/// <param name="DeclineReason">Why it was declined.</param>
public sealed record Application(
    Guid MemberId,
    string DistrictId,
    ApplicationStatus Status,
    string AppliedBy,
    DateTimeOffset AppliedAt,
    Guid? EarlierMember,
    bool OrientationDone = false,
    Guid? AccountId = null,
    Minutes? WelcomeGrant = null,
    string? DecidedBy = null,
    string? DeclineReason = null);

/// <summary>A command on one application; its key is the application's id.</summary>
public abstract record ApplicationCommand(Guid Id, Attribution By, Guid ApplicationId, string DistrictId) : ModuleCommand(Id, By)
{
    public override string StateKey => ApplicationId.ToString();
}

/// <summary>A person applies, or a coordinator applies for them.</summary>
public sealed record Apply(Guid Id, Attribution By, Guid ApplicationId, string DistrictId, Guid MemberId, Guid? EarlierMember)
    : ApplicationCommand(Id, By, ApplicationId, DistrictId);

/// <summary>A coordinator records that the applicant attended the orientation.</summary>
public sealed record RecordOrientation(Guid Id, Attribution By, Guid ApplicationId, string DistrictId)
    : ApplicationCommand(Id, By, ApplicationId, DistrictId);

/// <summary>
/// A coordinator approves: the welcome grant is paid from the district's issuance into the account opened
/// for the member, in the same transaction as the approval.
/// </summary>
public sealed record Approve(Guid Id, Attribution By, Guid ApplicationId, string DistrictId, Guid AccountId, Guid IssuanceAccountId, Minutes WelcomeGrant)
    : ApplicationCommand(Id, By, ApplicationId, DistrictId);

/// <summary>A coordinator declines, with a reason the applicant is told.</summary>
public sealed record Decline(Guid Id, Attribution By, Guid ApplicationId, string DistrictId, string Reason)
    : ApplicationCommand(Id, By, ApplicationId, DistrictId);

[JsonPolymorphic]
[JsonDerivedType(typeof(Applied), "applied")]
[JsonDerivedType(typeof(OrientationRecorded), "orientation_recorded")]
[JsonDerivedType(typeof(Approved), "approved")]
[JsonDerivedType(typeof(Declined), "declined")]
public abstract record ApplicationEvent(string By, DateTimeOffset At);

public sealed record Applied(Guid MemberId, string DistrictId, Guid? EarlierMember, string By, DateTimeOffset At) : ApplicationEvent(By, At);

public sealed record OrientationRecorded(string By, DateTimeOffset At) : ApplicationEvent(By, At);

public sealed record Approved(Guid AccountId, Minutes WelcomeGrant, string By, DateTimeOffset At) : ApplicationEvent(By, At);

public sealed record Declined(string Reason, string By, DateTimeOffset At) : ApplicationEvent(By, At);

/// <summary>What an onboarding command came to.</summary>
public enum OnboardingCode
{
    Applied,
    OrientationRecorded,
    Approved,
    Declined,

    /// <summary>This application exists already.</summary>
    AlreadyApplied,

    /// <summary>No application has this id.</summary>
    NotFound,

    /// <summary>The application belongs to another district than the one named.</summary>
    OtherDistrict,

    /// <summary>The application was approved or declined already.</summary>
    AlreadyDecided,

    /// <summary>Approval comes after the orientation is recorded.</summary>
    OrientationRequired,

    /// <summary>Declining needs a reason.</summary>
    ReasonRequired,

    /// <summary>The ledger refused the welcome grant (the mint budget is spent, say); nothing changed.</summary>
    WelcomeGrantRefused,

    /// <summary>The ledger would not open the member's account; nothing changed.</summary>
    AccountNotOpened,

    /// <summary>No district has this id.</summary>
    DistrictNotFound,
}

/// <summary>The answer to an onboarding command.</summary>
/// <param name="Code">What it came to.</param>
/// <param name="Application">The application after it.</param>
/// <param name="LedgerRefusal">The ledger's result code, for <see cref="OnboardingCode.WelcomeGrantRefused"/> and <see cref="OnboardingCode.AccountNotOpened"/>.</param>
public sealed record OnboardingResult(OnboardingCode Code, Application? Application, string? LedgerRefusal = null)
{
    /// <summary>The application's id, filled in by <see cref="CommunityModule"/> for the caller.</summary>
    [JsonIgnore]
    public Guid ApplicationId { get; init; }

    /// <summary>True when this answers a repeat of the request's id.</summary>
    [JsonIgnore]
    public bool Replayed { get; init; }
}
