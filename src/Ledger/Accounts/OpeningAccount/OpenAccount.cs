using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Accounts.OpeningAccount;

/// <summary>
/// Open a member account (a person or an organisation) in a district, with the district's default floor
/// and cap. The id is chosen by the client; opening the same id in the same district again is harmless.
/// </summary>
public sealed record OpenAccount(Guid AccountId, string DistrictId, Attribution By) : AccountCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [DistrictId];

    internal override IReadOnlyList<Guid> AccountsToLock => [AccountId];
}
