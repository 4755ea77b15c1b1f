using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.SettingMintBudget;

/// <summary>Set the most the district may have issued; it becomes the issuance account's floor, negated.</summary>
public sealed record SetMintBudget(string DistrictId, Minutes MintBudget, string Reason, Attribution By) : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock =>
        AdminRules.IsDistrictId(DistrictId) ? [WellKnownAccounts.Issuance(DistrictId)] : [];
}
