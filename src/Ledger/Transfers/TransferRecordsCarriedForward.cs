namespace EPoomasi.Ledger.Transfers;

/// <summary>
/// Transfer records as they stood when the event log began to hold transfer events (storage layout 4).
/// Before that, a record lived only in the transfers table; the migration to layout 4 writes every such
/// record into the log, up to 64 to an event, so that the table can be rebuilt from the log alone. Later
/// <see cref="TransferEvent"/>s apply on top of them.
/// </summary>
public sealed record TransferRecordsCarriedForward(IReadOnlyList<TransferRecord> Records);
