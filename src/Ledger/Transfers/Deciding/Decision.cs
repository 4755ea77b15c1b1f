using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>What deciding one item produced: its result, and the records and events to write if it stands.</summary>
/// <param name="Result">Ok or the one reason.</param>
/// <param name="Replayed">The id was decided before; nothing new is written.</param>
/// <param name="Record">The item's own record (new, replayed or the failure to remember), if any.</param>
/// <param name="Records">Every record to write, the item's own included: a post also updates its hold.</param>
/// <param name="Events">Account events to append, in order.</param>
public sealed record Decision(
    TransferResult Result,
    bool Replayed,
    TransferRecord? Record,
    IReadOnlyList<TransferRecord> Records,
    IReadOnlyList<AccountEvent> Events)
{
    /// <summary>A rejection. Reasons from the reference group on are remembered against the id; shape ones are not.</summary>
    public static Decision Rejected(TransferResult result, TransferRecord? failure = null)
    {
        LedgerInvariantException.Unless(failure is null || IsRemembered(result),
            $"A {result} rejection depends only on the request and must not be remembered against its id.");
        return new(result, false, failure, failure is null ? [] : [failure], []);
    }

    /// <summary>The original outcome of an id decided before.</summary>
    public static Decision Replay(TransferRecord existing) => new(existing.Result, true, existing, [], []);

    /// <summary>True when a rejection of this kind is remembered against its id.</summary>
    public static bool IsRemembered(TransferResult result) => result >= TransferResult.DebitAccountNotFound;
}
