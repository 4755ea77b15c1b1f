using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.ExpiringHold;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>
/// Decides a submitted batch item by item against a working set, in order, so that later items see
/// earlier ones. Linked items form chains that succeed or fail together.
/// </summary>
public static class BatchDecider
{
    /// <summary>Decides one item. Pure: reads only <paramref name="view"/> and <paramref name="now"/>.</summary>
    public static Decision Decide(TransferCommand command, ILedgerView view, DateTimeOffset now) => command switch
    {
        CreateTransfer create => CreateTransferDecider.Decide(create, view, now),
        PostHold post => PostHoldDecider.Decide(post, view, now),
        VoidHold @void => VoidHoldDecider.Decide(@void, view, now),
        ReverseTransfer reverse => ReverseTransferDecider.Decide(reverse, view, now),
        ExpireHold expire => ExpireHoldDecider.Decide(expire, view, now),
        _ => throw new ArgumentException($"Unknown transfer command {command.GetType().Name}.", nameof(command)),
    };

    /// <summary>Decides every item of one batch and applies what stands to <paramref name="workingSet"/>.</summary>
    public static TransferOutcome[] DecideBatch(IReadOnlyList<TransferCommand> batch, LedgerWorkingSet workingSet, DateTimeOffset now)
    {
        var outcomes = new TransferOutcome[batch.Count];
        var chainStart = 0;
        while (chainStart < batch.Count)
        {
            var chainEnd = chainStart;
            while (chainEnd < batch.Count - 1 && batch[chainEnd].Linked)
            {
                chainEnd++;
            }

            DecideChain(batch, chainStart, chainEnd, workingSet, now, outcomes);
            chainStart = chainEnd + 1;
        }

        return outcomes;
    }

    private static void DecideChain(IReadOnlyList<TransferCommand> batch, int first, int last, LedgerWorkingSet workingSet, DateTimeOffset now, TransferOutcome[] outcomes)
    {
        if (batch[last].Linked)
        {
            // The batch ended inside a chain: the chain can never be closed, so none of it happens.
            for (var i = first; i <= last; i++)
            {
                var result = i == last ? TransferResult.LinkedEventChainOpen : TransferResult.LinkedEventFailed;
                outcomes[i] = new TransferOutcome(batch[i].Id, result, false, null);
            }

            return;
        }

        workingSet.BeginChain();
        for (var i = first; i <= last; i++)
        {
            var decision = Decide(batch[i], workingSet, now);
            if (decision.Result != TransferResult.Ok)
            {
                workingSet.RollbackChain();
                // The failure itself is still remembered against its id; only the chain's effects are undone.
                workingSet.Apply(decision);
                for (var j = first; j <= last; j++)
                {
                    outcomes[j] = j == i
                        ? new TransferOutcome(batch[j].Id, decision.Result, decision.Replayed, decision.Record)
                        : new TransferOutcome(batch[j].Id, TransferResult.LinkedEventFailed, false, null);
                }

                return;
            }

            workingSet.Apply(decision);
            outcomes[i] = new TransferOutcome(batch[i].Id, TransferResult.Ok, decision.Replayed, decision.Record);
        }

        workingSet.CommitChain();
    }
}
