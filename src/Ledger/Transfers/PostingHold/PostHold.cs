namespace EPoomasi.Ledger.Transfers.PostingHold;

/// <summary>
/// Post a hold: move <see cref="AmountMinutes"/> (the whole held amount when null, never more) and
/// release the rest. <see cref="TransferCommand.Id"/> is the post's own idempotency key.
/// </summary>
public sealed record PostHold(Guid Id, Guid HoldId, Minutes? AmountMinutes, Attribution By, bool Linked = false)
    : TransferCommand(Id, Linked, By);
