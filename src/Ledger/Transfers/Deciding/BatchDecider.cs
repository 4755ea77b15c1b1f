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

    // A chain is all or nothing for the items it decides now. An item whose id was decided before answers
    // that outcome, marked replayed, wherever it stands: what was applied stays applied, and what failed
    // stays failed. If one of them failed (or repeats its id with other fields), the chain cannot succeed,
    // so its new items answer LINKED_EVENT_FAILED unapplied, as they did when the chain first ran.
    // Otherwise the new items are decided in order, as a chain among themselves.
    private static void DecideChain(IReadOnlyList<TransferCommand> batch, int first, int last, LedgerWorkingSet workingSet, DateTimeOffset now, TransferOutcome[] outcomes)
    {
        var decidedBefore = new Decision?[last - first + 1];
        var repeatFailed = false;
        // A lone item needs no look ahead: deciding it is answering it.
        for (var i = first; i <= last && last > first; i++)
        {
            if (batch[i].Id != Guid.Empty && workingSet.FindRecord(batch[i].Id) is not null
                && Decide(batch[i], workingSet, now) is { } repeat && IsRepeat(repeat))
            {
                decidedBefore[i - first] = repeat;
                repeatFailed |= repeat.Result != TransferResult.Ok;
            }
        }

        TransferOutcome Unapplied(int i, TransferResult result) => decidedBefore[i - first] is { } repeat
            ? new TransferOutcome(batch[i].Id, repeat.Result, repeat.Replayed, repeat.Record)
            : new TransferOutcome(batch[i].Id, result, false, null);

        if (batch[last].Linked || repeatFailed)
        {
            // The batch ended inside the chain, so it can never be closed; or it holds a failure from before.
            for (var i = first; i <= last; i++)
            {
                outcomes[i] = Unapplied(i, i == last && batch[last].Linked ? TransferResult.LinkedEventChainOpen : TransferResult.LinkedEventFailed);
            }

            return;
        }

        workingSet.BeginChain();
        for (var i = first; i <= last; i++)
        {
            if (decidedBefore[i - first] is { } repeat)
            {
                outcomes[i] = new TransferOutcome(batch[i].Id, repeat.Result, repeat.Replayed, repeat.Record);
                continue;
            }

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
                        : Unapplied(j, TransferResult.LinkedEventFailed);
                }

                return;
            }

            workingSet.Apply(decision);
            outcomes[i] = new TransferOutcome(batch[i].Id, TransferResult.Ok, decision.Replayed, decision.Record);
        }

        workingSet.CommitChain();
    }

    // A decision about an id seen before: its original outcome, or a refusal of the id's reuse. (An expiry
    // names its hold by the hold's own id, and is a new decision, not a repeat.)
    private static bool IsRepeat(Decision decision) =>
        decision.Replayed || decision.Result is TransferResult.ExistsWithDifferentFields or TransferResult.IdAlreadyFailed;
}
