using System.Text.Json.Serialization;

namespace EPoomasi.Ledger.Districts;

/// <summary>A district's settings, as its events leave them.</summary>
public sealed record District
{
    /// <summary>The district code, e.g. <c>mapo</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The name as people in Seoul write it, e.g. 마포구.</summary>
    public required string Name { get; init; }

    /// <summary>The name in the Latin alphabet, e.g. Mapo-gu, when one was given.</summary>
    public string? NameRomanized { get; init; }

    /// <summary>Floor given to new member accounts.</summary>
    public required Minutes MemberFloor { get; init; }

    /// <summary>Cap given to new member accounts.</summary>
    public required Minutes MemberCap { get; init; }

    /// <summary>What a new member is paid from issuance on joining; null when the district pays none.</summary>
    public Minutes? WelcomeGrant { get; init; }

    /// <summary>A mint above this needs a second coordinator's approval; null when any mint needs one coordinator.</summary>
    public Minutes? MintApprovalAbove { get; init; }

    /// <summary>Most the district may issue (net of reversals): over its life, or per <see cref="MintBudgetPeriod"/>.</summary>
    public required Minutes MintBudget { get; init; }

    /// <summary>The budget's period; null for one budget over the district's life.</summary>
    public MintBudgetPeriod? MintBudgetPeriod { get; init; }

    /// <summary>The budget period under way (<c>2026-12</c>); null for a lifetime budget.</summary>
    public string? MintBudgetPeriodOpened { get; init; }

    /// <summary>
    /// The identities appointed to coordinate the district, in order; null while there are none, so that a district
    /// document written before appointments existed reads the same as its rebuild from the log.
    /// </summary>
    public IReadOnlyList<string>? Coordinators { get; init; }

    // Derived from the id, never stored: a district document stays what its events make it.

    /// <summary>The district's issuance account: minting and welcome grants are paid from it.</summary>
    [JsonIgnore]
    public Guid IssuanceAccountId => WellKnownAccounts.Issuance(Id);

    /// <summary>The district's community pot: members donate to it, coordinators grant from it.</summary>
    [JsonIgnore]
    public Guid CommunityPotAccountId => WellKnownAccounts.CommunityPot(Id);

    /// <summary>Whether <paramref name="subject"/> is appointed to coordinate the district.</summary>
    public bool IsCoordinator(string subject) => Coordinators?.Contains(subject, StringComparer.Ordinal) == true;

    /// <summary>Trust limit per counterpart district.</summary>
    public IReadOnlyDictionary<string, Minutes> TrustLimits { get; init; } = new Dictionary<string, Minutes>();

    public DateTimeOffset CreatedAt { get; init; }

    public long Version { get; init; }
}
