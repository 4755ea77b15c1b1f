using EPoomasi.Ledger.Administration;

namespace EPoomasi.Ledger.Accounts.ChangingLimits;

/// <summary>Override a member account's floor and cap, with a reason. The current balance must stay within them.</summary>
public sealed record ChangeAccountLimits(Guid AccountId, Minutes Floor, Minutes Cap, string Reason, Attribution By) : AccountCommand(By)
{
    internal override IReadOnlyList<string> DistrictsToLock => [];

    internal override IReadOnlyList<Guid> AccountsToLock => [AccountId];
}
