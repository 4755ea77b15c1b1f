namespace EPoomasi.Ledger.Districts;

// The closed hierarchy of district events.

/// <summary>Something that happened to a district's settings.</summary>
public abstract record DistrictEvent(string DistrictId, Attribution By, DateTimeOffset At);

/// <summary>The city created the district, with its issuance account and community pot.</summary>
/// <param name="Name">Its name as people in Seoul write it, e.g. 마포구.</param>
/// <param name="NameRomanized">Its name in the Latin alphabet, e.g. Mapo-gu; null for districts created before it was kept.</param>
/// <param name="WelcomeGrant">What a new member is paid from issuance on joining; null for none.</param>
public sealed record DistrictCreated(
    string DistrictId, string Name, Minutes MemberFloor, Minutes MemberCap, Minutes MintBudget, Attribution By, DateTimeOffset At, string? NameRomanized = null,
    Minutes? WelcomeGrant = null)
    : DistrictEvent(DistrictId, By, At);

/// <summary>The defaults for new member accounts changed; a null welcome grant left it as it was.</summary>
public sealed record DistrictDefaultsChanged(
    string DistrictId, Minutes MemberFloor, Minutes MemberCap, string Reason, Attribution By, DateTimeOffset At, Minutes? WelcomeGrant = null,
    Minutes? MintApprovalAbove = null)
    : DistrictEvent(DistrictId, By, At);

/// <summary>The district's mint budget changed.</summary>
/// <param name="Period">The budget's period, when it changed; null keeps it (and is the lifetime for events from before periods).</param>
/// <param name="PeriodOpened">The period that starts with the change (<c>2026-12</c>), for a budget per month or year.</param>
public sealed record MintBudgetChanged(
    string DistrictId, Minutes MintBudget, string Reason, Attribution By, DateTimeOffset At, MintBudgetPeriod? Period = null, string? PeriodOpened = null)
    : DistrictEvent(DistrictId, By, At);

/// <summary>A new budget period started (<c>2026-12</c>): the district may mint its budget again.</summary>
public sealed record MintBudgetPeriodOpened(string DistrictId, string Period, Attribution By, DateTimeOffset At)
    : DistrictEvent(DistrictId, By, At);

/// <summary>The city appointed a coordinator of the district.</summary>
public sealed record CoordinatorAppointed(string DistrictId, string Subject, string Reason, Attribution By, DateTimeOffset At)
    : DistrictEvent(DistrictId, By, At);

/// <summary>A coordinator's appointment ended.</summary>
public sealed record CoordinatorRemoved(string DistrictId, string Subject, string Reason, Attribution By, DateTimeOffset At)
    : DistrictEvent(DistrictId, By, At);

/// <summary>The trust limit with a counterpart district was set.</summary>
public sealed record TrustLimitSet(string DistrictId, string CounterpartDistrictId, Minutes Limit, string Reason, Attribution By, DateTimeOffset At)
    : DistrictEvent(DistrictId, By, At);
