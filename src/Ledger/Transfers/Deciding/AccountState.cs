using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>Status checks shared by every decider, in the order the result list gives them.</summary>
internal static class AccountState
{
    /// <summary>Frozen or closed, debit side first; Ok when both may move.</summary>
    public static TransferResult CheckMovable(Account debit, Account credit) => (debit.Status, credit.Status) switch
    {
        (AccountStatus.Frozen, _) => TransferResult.DebitAccountFrozen,
        (AccountStatus.Closed, _) => TransferResult.DebitAccountClosed,
        (_, AccountStatus.Frozen) => TransferResult.CreditAccountFrozen,
        (_, AccountStatus.Closed) => TransferResult.CreditAccountClosed,
        _ => TransferResult.Ok,
    };
}
