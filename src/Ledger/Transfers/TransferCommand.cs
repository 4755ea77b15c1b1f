namespace EPoomasi.Ledger.Transfers;

/// <summary>
/// One item of a submitted batch. <see cref="Id"/> is the client-chosen idempotency key. An item
/// marked <see cref="Linked"/> succeeds or fails together with the next item (a chain ends at the
/// first item that is not linked).
/// </summary>
public abstract record TransferCommand(Guid Id, bool Linked, Attribution By);
