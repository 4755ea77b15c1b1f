namespace EPoomasi.Ledger.Transfers.VoidingHold;

/// <summary>Void a hold: release its reservation, move nothing. <see cref="TransferCommand.Id"/> is the void's own idempotency key.</summary>
public sealed record VoidHold(Guid Id, Guid HoldId, Attribution By, bool Linked = false) : TransferCommand(Id, Linked, By);
