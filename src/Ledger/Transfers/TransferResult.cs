namespace EPoomasi.Ledger.Transfers;

/// <summary>
/// The outcome of one batch item. A rejected item gets exactly one reason: the first that applies in
/// the order of this list (batch, shape, idempotency, references, state, limits), which is also the
/// numeric order. Codes are stable and never reused.
/// </summary>
public enum TransferResult
{
    /// <summary>Done, or done before with the same fields (see <see cref="TransferOutcome.Replayed"/>).</summary>
    Ok = 0,

    // --- batch ---

    /// <summary>Another item of its linked chain failed, so this one did nothing.</summary>
    LinkedEventFailed = 1,

    /// <summary>The batch ended with a linked item, leaving its chain open.</summary>
    LinkedEventChainOpen = 2,

    // --- shape: depends only on the item itself; never remembered against its id ---

    /// <summary>The item's id is empty.</summary>
    IdMustNotBeEmpty = 10,

    /// <summary>The debit account id is empty.</summary>
    DebitAccountIdMustNotBeEmpty = 11,

    /// <summary>The credit account id is empty.</summary>
    CreditAccountIdMustNotBeEmpty = 12,

    /// <summary>The hold id of a post or void is empty.</summary>
    HoldIdMustNotBeEmpty = 13,

    /// <summary>The id of the transfer to reverse is empty.</summary>
    ReversedTransferIdMustNotBeEmpty = 14,

    /// <summary>The amount is zero or negative.</summary>
    AmountMustBePositive = 15,

    /// <summary>The amount is over <see cref="LedgerLimits.MaxTransferMinutes"/>.</summary>
    AmountExceedsMaximum = 16,

    /// <summary>The debit and credit account are the same.</summary>
    AccountsMustBeDifferent = 17,

    /// <summary>The code is not one the ledger knows.</summary>
    CodeUnknown = 18,

    /// <summary>The reversal code is only for reversals made by reversing a transfer.</summary>
    CodeReservedForReversals = 19,

    /// <summary>The memo is longer than <see cref="LedgerLimits.MemoMaxLength"/>.</summary>
    MemoTooLong = 20,

    /// <summary>The hold timeout is outside <see cref="LedgerLimits.MinHoldTimeout"/>..<see cref="LedgerLimits.MaxHoldTimeout"/>.</summary>
    HoldTimeoutOutOfRange = 21,

    /// <summary>A reversal needs a reason, and so does a grant from the community pot (its memo).</summary>
    ReasonRequired = 22,

    /// <summary>The reason is longer than <see cref="LedgerLimits.ReasonMaxLength"/>.</summary>
    ReasonTooLong = 23,

    // --- idempotency ---

    /// <summary>This id was already used, successfully, with different fields.</summary>
    ExistsWithDifferentFields = 30,

    /// <summary>This id already failed with different fields; a failed id is final, choose a new one.</summary>
    IdAlreadyFailed = 31,

    // --- references ---

    /// <summary>No account has the debit account id.</summary>
    DebitAccountNotFound = 40,

    /// <summary>No account has the credit account id.</summary>
    CreditAccountNotFound = 41,

    /// <summary>No pending transfer (hold) has this id.</summary>
    HoldNotFound = 42,

    /// <summary>No transfer to reverse has this id.</summary>
    TransferNotFound = 43,

    /// <summary>The two districts have no trust limit between them, so no clearing accounts.</summary>
    DistrictsNotLinked = 44,

    // --- state ---

    /// <summary>The debit account is frozen.</summary>
    DebitAccountFrozen = 50,

    /// <summary>The debit account is closed.</summary>
    DebitAccountClosed = 51,

    /// <summary>The credit account is frozen.</summary>
    CreditAccountFrozen = 52,

    /// <summary>The credit account is closed.</summary>
    CreditAccountClosed = 53,

    /// <summary>The code may not move minutes between accounts of these kinds.</summary>
    CodeNotAllowedForAccounts = 54,

    /// <summary>The code may not cross districts (minting, welcome credits and pot grants stay home).</summary>
    CrossDistrictNotAllowedForCode = 55,

    /// <summary>The hold was already posted.</summary>
    HoldAlreadyPosted = 56,

    /// <summary>The hold was already voided.</summary>
    HoldAlreadyVoided = 57,

    /// <summary>The hold's timeout has passed.</summary>
    HoldExpired = 58,

    /// <summary>The post asks for more than the hold reserved.</summary>
    PostExceedsHeldAmount = 59,

    /// <summary>Only posted transfers can be reversed: not holds, voids or reversals.</summary>
    TransferNotReversible = 60,

    /// <summary>The transfer was already reversed; a transfer is reversed at most once.</summary>
    TransferAlreadyReversed = 61,

    // --- limits: when several are broken, the first in this order is reported ---

    /// <summary>The debit account would go below its floor, pending debits included.</summary>
    DebitBelowFloor = 70,

    /// <summary>The community pot would go below zero.</summary>
    PotInsufficient = 71,

    /// <summary>The credit account would go above its cap, pending credits included.</summary>
    CreditAboveCap = 72,

    /// <summary>A clearing account would pass the trust limit between the two districts.</summary>
    TrustLimitExceeded = 73,

    /// <summary>The district's issuance would pass its mint budget.</summary>
    MintBudgetExceeded = 74,
}
