using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Accounts.FreezingAccount;

/// <summary>Stop all movements on an account, with a reason. Freezing a frozen account changes nothing.</summary>
public sealed record FreezeAccount(Guid AccountId, string Reason, Attribution By) : AccountCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [];

    internal override IReadOnlyList<Guid> AccountsToLock => [AccountId];
}
