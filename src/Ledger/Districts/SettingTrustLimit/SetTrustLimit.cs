using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Districts.SettingTrustLimit;

/// <summary>
/// Set how far the two districts trust each other. Opens their clearing accounts on first use; each
/// may then range between minus and plus the limit.
/// </summary>
public sealed record SetTrustLimit(string DistrictId, string CounterpartDistrictId, Minutes Limit, string Reason, Attribution By)
    : DistrictCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId, CounterpartDistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock =>
        AdminRules.IsDistrictId(DistrictId) && AdminRules.IsDistrictId(CounterpartDistrictId)
            ? [WellKnownAccounts.Clearing(DistrictId, CounterpartDistrictId), WellKnownAccounts.Clearing(CounterpartDistrictId, DistrictId)]
            : [];
}
