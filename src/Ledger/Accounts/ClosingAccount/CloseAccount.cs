using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Accounts.ClosingAccount;

/// <summary>Close a member account for good: only at zero balance with no pending holds.</summary>
public sealed record CloseAccount(Guid AccountId, string Reason, Attribution By) : AccountCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [];

    internal override IReadOnlyList<Guid> AccountsToLock => [AccountId];
}
