using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Writing;

namespace EPoomasi.Ledger.Transfers.ExpiringHold;

/// <summary>
/// Finds holds whose timeout has passed and expires them through the same writer as posts and voids,
/// so a race between post, void and expiry has exactly one winner. Run it periodically; several
/// processes may run it at once.
/// </summary>
public sealed class HoldExpirer(LedgerStore store, TransferWriter writer)
{
    /// <summary>Expires up to <paramref name="maxHolds"/> due holds; returns how many it expired.</summary>
    public async Task<int> ExpireDueAsync(int maxHolds, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHolds, 1);
        var now = store.Now();
        var due = await TransfersTable.DuePendingHoldsAsync(store, now, maxHolds, cancellationToken);

        if (due.Count == 0)
        {
            return 0;
        }

        var outcomes = await writer.SubmitAsync(due.Select(id => (TransferCommand)new ExpireHold(id)).ToList(), cancellationToken);
        var expired = outcomes.Count(o => o.IsOk && !o.Replayed);
        Telemetry.LedgerTelemetry.HoldsExpired.Add(expired);
        return expired;
    }
}
