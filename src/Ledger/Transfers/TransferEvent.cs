namespace EPoomasi.Ledger.Transfers;

// The closed hierarchy of what happens to a transfer id, kept together like the account events. The
// transfers table is their projection (TransferEvolution); an auditor rebuilds it from these alone.

/// <summary>Something that happened to one transfer id.</summary>
public abstract record TransferEvent(Guid TransferId, DateTimeOffset At);

/// <summary>
/// An id was decided: accepted (a transfer, a hold placed, a post, a void, a reversal) or rejected with a
/// result code that is remembered against the id. <paramref name="Record"/> is the outcome as first decided,
/// with its attribution and links (the hold it posts or voids, the transfer it reverses, the deal).
/// </summary>
public sealed record TransferDecided(TransferRecord Record) : TransferEvent(Record.Id, Record.At);

/// <summary>
/// A pending hold left <see cref="HoldState.Pending"/>: posted (in full or in part, by
/// <paramref name="ResolvedByTransferId"/>), voided (by it) or expired (by nobody).
/// </summary>
public sealed record HoldResolved(
    Guid HoldId,
    HoldState State,
    Minutes? PostedAmountMinutes,
    Guid? ResolvedByTransferId,
    DateTimeOffset At) : TransferEvent(HoldId, At);

/// <summary>A transfer was compensated by the reversal <paramref name="ReversedByTransferId"/>.</summary>
public sealed record TransferReversed(Guid TransferId, Guid ReversedByTransferId, DateTimeOffset At) : TransferEvent(TransferId, At);
