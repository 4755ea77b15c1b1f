namespace EPoomasi.Ledger.Transfers.ReversingTransfer;

/// <summary>
/// Compensate a posted transfer with a new one the other way, referencing it. Nothing is edited or
/// deleted. A transfer is reversed at most once, and only with a reason. Limits apply as to any transfer.
/// </summary>
public sealed record ReverseTransfer(Guid Id, Guid TransferId, string Reason, Attribution By, bool Linked = false)
    : TransferCommand(Id, Linked, By);
