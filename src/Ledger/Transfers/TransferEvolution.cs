namespace EPoomasi.Ledger.Transfers;

/// <summary>
/// Transfer records as a projection of <see cref="TransferEvent"/>s, and the events between two states of a
/// record. Deciders describe outcomes as records; the working set turns each change into its event here, so
/// that what is written to the event log and what is written to the transfers table cannot disagree.
/// </summary>
public static class TransferEvolution
{
    /// <summary>The record after <paramref name="event"/>.</summary>
    /// <exception cref="LedgerInvariantException">The event does not fit the record (a second decision, a hold resolved twice).</exception>
    public static TransferRecord Evolve(TransferRecord? state, TransferEvent @event)
    {
        switch (@event)
        {
            case TransferDecided decided:
                LedgerInvariantException.Unless(state is null, $"Transfer id {decided.TransferId} was decided twice.");
                return decided.Record;
            case HoldResolved resolved:
                LedgerInvariantException.Unless(state is { IsPendingHold: true }, $"Hold {resolved.HoldId} was resolved while not pending.");
                return state! with
                {
                    HoldState = resolved.State,
                    PostedAmountMinutes = resolved.PostedAmountMinutes,
                    ResolvedByTransferId = resolved.ResolvedByTransferId,
                    ResolvedAt = resolved.At,
                };
            case TransferReversed reversed:
                LedgerInvariantException.Unless(state is { ReversedByTransferId: null }, $"Transfer {reversed.TransferId} was reversed twice or is unknown.");
                return state! with { ReversedByTransferId = reversed.ReversedByTransferId };
            default:
                throw new LedgerInvariantException($"Unknown transfer event {@event.GetType().Name}.");
        }
    }

    /// <summary>
    /// The event that takes a record from <paramref name="before"/> to <paramref name="after"/>, decided at
    /// <paramref name="at"/> (a record keeps no instant for its reversal).
    /// </summary>
    /// <exception cref="LedgerInvariantException">No single event makes that change.</exception>
    public static TransferEvent Between(TransferRecord? before, TransferRecord after, DateTimeOffset at)
    {
        TransferEvent @event = before switch
        {
            null => new TransferDecided(after),
            { IsPendingHold: true } when after.HoldState != HoldState.Pending =>
                new HoldResolved(after.Id, after.HoldState!.Value, after.PostedAmountMinutes, after.ResolvedByTransferId, after.ResolvedAt!.Value),
            { ReversedByTransferId: null } when after.ReversedByTransferId is { } reversal => new TransferReversed(after.Id, reversal, at),
            _ => throw new LedgerInvariantException($"No transfer event changes record {after.Id} that way."),
        };
        LedgerInvariantException.Unless(Evolve(before, @event) with { Legs = after.Legs } == after && SameLegs(before ?? after, after),
            $"The event for record {after.Id} would not reproduce it.");
        return @event;
    }

    // Records compare their legs by reference (a list); legs never change after a decision.
    private static bool SameLegs(TransferRecord left, TransferRecord right) => left.Legs.SequenceEqual(right.Legs);
}
