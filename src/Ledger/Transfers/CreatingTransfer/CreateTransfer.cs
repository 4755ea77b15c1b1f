namespace EPoomasi.Ledger.Transfers.CreatingTransfer;

/// <summary>
/// Move <see cref="AmountMinutes"/> from the debit to the credit account; with a
/// <see cref="HoldTimeout"/>, only reserve it as a hold to be posted, voided or expired later.
/// Accounts in different districts are connected through their clearing accounts.
/// </summary>
public sealed record CreateTransfer(
    Guid Id,
    Guid DebitAccountId,
    Guid CreditAccountId,
    Minutes AmountMinutes,
    TransferCode Code,
    string Memo,
    Attribution By,
    TimeSpan? HoldTimeout = null,
    Guid? DealId = null,
    bool Linked = false) : TransferCommand(Id, Linked, By)
{
    /// <summary>True when this creates a hold rather than posting at once.</summary>
    public bool IsHold => HoldTimeout is not null;
}
