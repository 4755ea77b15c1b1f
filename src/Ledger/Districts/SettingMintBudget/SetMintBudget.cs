using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.SettingMintBudget;

/// <summary>
/// Set the most the district may issue: over its whole life (the issuance account's floor becomes the budget,
/// negated), or per month or year in Seoul time (a period starts now, and each next one as it comes: the floor
/// becomes what issuance can spend at the period's start less the budget). A null period keeps the district's.
/// </summary>
public sealed record SetMintBudget(string DistrictId, Minutes MintBudget, string Reason, Attribution By, MintBudgetPeriod? Period = null) : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock =>
        AdminRules.IsDistrictId(DistrictId) ? [WellKnownAccounts.Issuance(DistrictId)] : [];
}
