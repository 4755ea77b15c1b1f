namespace EPoomasi.Ledger.Transfers;

/// <summary>
/// What one transfer transaction decided about transfer ids — each id decided, hold resolved and transfer
/// reversed — in the order it was decided. It sits in the transaction's journal beside the account events
/// (<see cref="Accounts.AccountEventsJournaled"/>), up to 64 to an event, for the same reason.
/// </summary>
public sealed record TransfersJournaled(IReadOnlyList<TransferEvent> Events);
