using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.CreatingDistrict;

/// <summary>Create a district with its issuance account and community pot. Repeating it with the same settings is harmless.</summary>
public sealed record CreateDistrict(
    string DistrictId, string Name, Minutes MemberFloor, Minutes MemberCap, Minutes MintBudget, Attribution By, string? NameRomanized = null,
    Minutes? WelcomeGrant = null)
    : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock => [];
}
