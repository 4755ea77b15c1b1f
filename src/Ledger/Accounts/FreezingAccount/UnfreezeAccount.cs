using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Accounts.FreezingAccount;

/// <summary>Allow movements again, with a reason. Unfreezing an open account changes nothing.</summary>
public sealed record UnfreezeAccount(Guid AccountId, string Reason, Attribution By) : AccountCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [];

    internal override IReadOnlyList<Guid> AccountsToLock => [AccountId];
}
