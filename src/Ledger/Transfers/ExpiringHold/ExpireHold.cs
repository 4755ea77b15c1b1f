namespace EPoomasi.Ledger.Transfers.ExpiringHold;

/// <summary>
/// The ledger's own item that ends a hold whose timeout has passed. Not a client command: it has no id
/// of its own, and repeating it is harmless because a resolved hold is left as it is.
/// </summary>
public sealed record ExpireHold(Guid HoldId) : TransferCommand(HoldId, false, Attribution.System);
