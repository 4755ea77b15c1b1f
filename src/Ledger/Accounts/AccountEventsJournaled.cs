namespace EPoomasi.Ledger.Accounts;

/// <summary>
/// Account events of one transfer transaction — entries posted, holds reserved and released — in the
/// order they were decided. A transaction's journal is a stream of its own holding a few of these, each
/// with up to 64 of its account events, in order.
/// <para>
/// A few events per transaction instead of one per account event: each stored event costs PostgreSQL a row,
/// two index entries and a foreign-key check whatever its size, and with two to four account events per
/// transfer that was the largest share of a batch's time (docs/performance.md, finding 8). An account's own stream
/// keeps its administrative events (opened, limits, frozen, closed); its whole history is both kinds
/// together, ordered by their place in the event log (<see cref="AccountHistory"/>).
/// </para>
/// </summary>
public sealed record AccountEventsJournaled(IReadOnlyList<AccountEvent> Events);
