using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.OpeningBudgetPeriod;

/// <summary>
/// Start the district's budget period that the present instant falls in, when it has a period and that one has not
/// started: the issuance account's floor becomes what it can spend now less the budget, so the district may mint the
/// budget again. Whichever host notices a new month first opens it; every other finds it open and changes nothing.
/// </summary>
public sealed record OpenMintBudgetPeriod(string DistrictId, Attribution By) : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock =>
        AdminRules.IsDistrictId(DistrictId) ? [WellKnownAccounts.Issuance(DistrictId)] : [];
}
