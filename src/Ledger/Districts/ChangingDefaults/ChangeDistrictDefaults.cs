using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.ChangingDefaults;

/// <summary>
/// Change the floor and cap that new member accounts of the district get, the welcome grant a new member
/// is paid, and the amount above which a mint needs a second coordinator (null keeps either; zero ends it).
/// Existing accounts keep their limits.
/// </summary>
public sealed record ChangeDistrictDefaults(
    string DistrictId, Minutes MemberFloor, Minutes MemberCap, string Reason, Attribution By, Minutes? WelcomeGrant = null, Minutes? MintApprovalAbove = null)
    : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock => [];
}
