using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.ChangingDefaults;

/// <summary>Change the floor and cap that new member accounts of the district get. Existing accounts keep theirs.</summary>
public sealed record ChangeDistrictDefaults(string DistrictId, Minutes MemberFloor, Minutes MemberCap, string Reason, Attribution By)
    : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock => [];
}
