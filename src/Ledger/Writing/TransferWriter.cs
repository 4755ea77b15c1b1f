using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.Deciding;
using System.Runtime.ExceptionServices;
using Polly;

namespace EPoomasi.Ledger.Writing;

/// <summary>
/// Writes batches of transfers, holds and reversals. A transaction locks every account its items touch
/// (in id order), decides each item against what it locked, and commits the events, states and records
/// together: all or nothing. Items that share no account and no id with each other may go to separate
/// transactions running at once (<see cref="ParallelTransactions"/>); items that do, and linked chains,
/// are always decided together, in order. Safe to call from many threads and many processes at once.
/// </summary>
public sealed class TransferWriter
{
    private readonly LedgerStore _store;
    private readonly SetBasedWrites _writes;
    private readonly ResiliencePipeline _retry;

    /// <param name="store">The ledger's store.</param>
    /// <param name="parallelTransactions">
    /// Most transactions one call runs at once, on independent parts of its items. Two by default: with one,
    /// PostgreSQL worked on one of the benchmark machine's two cores while a batch of random transfers ran.
    /// </param>
    /// <param name="minItemsToSplit">
    /// Fewest items a call must have before it is split into parts (at least 2). Each transaction costs
    /// PostgreSQL a fixed amount of work whatever its size, so splitting the handful of items that wait
    /// under light unary traffic bought no speed and spent CPU: at 600 one-transfer requests a second,
    /// PostgreSQL used 0.48 of a core with every group split and 0.39 with only groups of 100 or more split
    /// (A/B on one database, two rounds each).
    /// </param>
    public TransferWriter(LedgerStore store, int parallelTransactions = 2, int minItemsToSplit = DefaultMinItemsToSplit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelTransactions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minItemsToSplit, 2);
        ParallelTransactions = parallelTransactions;
        MinItemsToSplit = minItemsToSplit;
        _store = store;
        _writes = new SetBasedWrites(store);
        _retry = ConflictRetry.Create();
    }

    /// <summary>Most transactions one call runs at once.</summary>
    public int ParallelTransactions { get; }

    /// <summary>Fewest items a call has by default before it is split into parts.</summary>
    public const int DefaultMinItemsToSplit = 100;

    /// <summary>Fewest items a call must have to be split into parts.</summary>
    public int MinItemsToSplit { get; }

    /// <summary>
    /// Decides every item of <paramref name="batch"/> (at most <see cref="LedgerLimits.MaxBatchItems"/>)
    /// and returns one outcome per item, in order. A rejection is an outcome, not an exception.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is larger than the limit.</exception>
    public async Task<IReadOnlyList<TransferOutcome>> SubmitAsync(IReadOnlyList<TransferCommand> batch, CancellationToken cancellationToken)
    {
        var outcomes = await SubmitManyAsync([batch], cancellationToken);
        return outcomes[0];
    }

    /// <summary>
    /// Decides several independent batches together, for group commit: each keeps its own linked chains
    /// and outcomes, and later batches see the effects of earlier ones on what they share.
    /// </summary>
    public async Task<IReadOnlyList<TransferOutcome>[]> SubmitManyAsync(IReadOnlyList<IReadOnlyList<TransferCommand>> batches, CancellationToken cancellationToken)
    {
        var outcomes = await SubmitManyAsync(batches, _ => false, cancellationToken);
        return outcomes.Select(o => o!).ToArray();
    }

    /// <summary>
    /// As <see cref="SubmitManyAsync(IReadOnlyList{IReadOnlyList{TransferCommand}}, CancellationToken)"/>, but a
    /// batch for which <paramref name="abandoned"/> holds once a transaction with items of it has its locks
    /// has those items left undecided and unwritten, and its outcome is null.
    /// </summary>
    internal async Task<IReadOnlyList<TransferOutcome>?[]> SubmitManyAsync(
        IReadOnlyList<IReadOnlyList<TransferCommand>> batches, Func<int, bool> abandoned, CancellationToken cancellationToken)
    {
        foreach (var batch in batches)
        {
            Validate(batch);
        }

        var results = await SubmitEachAsync(batches, batches.Select(_ => (ModuleRequest?)null).ToList(), abandoned, cancellationToken);
        foreach (var failure in results.Select(r => r.Failure).OfType<Exception>())
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return results.Select(r => r.Outcomes).ToArray();
    }

    /// <summary>
    /// Decides the batches in one transaction, or, when their items fall into independent parts, in up to
    /// <see cref="ParallelTransactions"/> transactions at once (see <see cref="IndependentParts"/>). Each batch
    /// gets its outcomes, or the failure of a transaction it had items in: then its items in other
    /// transactions may have been applied, and a retry with the same ids finds them (idempotency) and
    /// applies the rest.
    /// <para>
    /// A batch whose <paramref name="modules"/> entry is not null is that module command instead (its batch is
    /// empty): it is decided in its turn, with the transfers it asks for. A group with a module command is
    /// never split.
    /// </para>
    /// </summary>
    internal async Task<BatchResult[]> SubmitEachAsync(
        IReadOnlyList<IReadOnlyList<TransferCommand>> batches, IReadOnlyList<ModuleRequest?> modules, Func<int, bool> abandoned, CancellationToken cancellationToken)
    {
        if (batches.All(b => b.Count == 0) && modules.All(m => m is null))
        {
            return batches.Select(_ => new BatchResult([], null)).ToArray();
        }

        var (parts, plan) = modules.Any(m => m is not null) ? ([IndependentParts.Whole(batches)], null) : await SplitAsync(batches, cancellationToken);
        var runs = parts.Select(part => RunAsync(part, modules, plan, abandoned, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(runs);
        }
        catch
        {
            // Each part's failure goes to its own batches, below.
        }

        return Assemble(batches, modules, parts, runs);
    }

    // The plan made to split the group, when it was split.
    private async Task<(IReadOnlyList<Part> Parts, AccountPlan? Plan)> SplitAsync(IReadOnlyList<IReadOnlyList<TransferCommand>> batches, CancellationToken cancellationToken)
    {
        if (ParallelTransactions < 2 || batches.Sum(b => b.Count) < MinItemsToSplit)
        {
            return ([IndependentParts.Whole(batches)], null);
        }

        var plan = await AccountPlan.MakeAsync(_store, batches.SelectMany(b => b).ToList(), cancellationToken);
        return plan.IsComplete ? (IndependentParts.Split(batches, plan.KeysOf, ParallelTransactions), plan) : ([IndependentParts.Whole(batches)], plan);
    }

    private Task<object?[]> RunAsync(
        Part part, IReadOnlyList<ModuleRequest?> modules, AccountPlan? groupPlan, Func<int, bool> abandoned, CancellationToken cancellationToken)
    {
        var batches = part.Batches.Select(b => b.Commands).ToList();
        var partModules = part.Batches.Select(b => modules[b.BatchIndex]).ToList();
        // The group's plan serves the first attempt; a retry plans again, as the race it lost may have been
        // a lock set that grew (a record or account that appeared in between).
        var plan = groupPlan?.For(batches.SelectMany(b => b));
        // Each attempt first takes its items' ids to be new, as nearly all are, and lets the records' key prove
        // it; when that proves nothing, or the key shows an id decided before, it decides again at once with
        // every id looked up, in a fresh transaction, before anything else counts as a lost race.
        return _retry.ExecuteAsync(
            async token =>
            {
                var predicted = await ModulePlan.MakeAsync(_store, partModules, token);
                var attemptPlan = plan ?? await AccountPlan.MakeAsync(_store, batches.SelectMany(b => b).Concat(predicted.Transfers).ToList(), token);
                plan = null;
                var attempt = new Attempt(batches, partModules, predicted, attemptPlan, i => abandoned(part.Batches[i].BatchIndex));
                try
                {
                    return await WriteOnceAsync(attempt, Ids.AssumedNew, token);
                }
                catch (Exception exception) when (IdsNotShownNewException.Caused(exception))
                {
                    return await WriteOnceAsync(attempt, Ids.LookedUp, token);
                }
            },
            cancellationToken).AsTask();
    }

    private static BatchResult[] Assemble(
        IReadOnlyList<IReadOnlyList<TransferCommand>> batches, IReadOnlyList<ModuleRequest?> modules, IReadOnlyList<Part> parts, Task<object?[]>[] runs)
    {
        var outcomes = batches.Select(b => new TransferOutcome[b.Count]).ToArray();
        var answers = new ModuleAnswer?[batches.Count];
        var abandonedBatches = new bool[batches.Count];
        var failures = new Exception?[batches.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            for (var b = 0; b < part.Batches.Count; b++)
            {
                var (batch, indices) = (part.Batches[b].BatchIndex, part.Batches[b].Indices);
                if (!runs[p].IsCompletedSuccessfully)
                {
                    failures[batch] ??= runs[p].Exception?.InnerException ?? new TaskCanceledException(runs[p]);
                }
                else if (runs[p].Result[b] is ModuleAnswer answer)
                {
                    answers[batch] = answer;
                }
                else if (runs[p].Result[b] is IReadOnlyList<TransferOutcome> decided)
                {
                    for (var i = 0; i < indices.Length; i++) outcomes[batch][indices[i]] = decided[i];
                }
                else
                {
                    abandonedBatches[batch] = true;
                }
            }
        }

        return batches.Select((_, i) => new BatchResult(abandonedBatches[i] || modules[i] is not null ? null : outcomes[i], failures[i], answers[i])).ToArray();
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a batch that no transaction may take.</summary>
    internal static void Validate(IReadOnlyList<TransferCommand> batch)
    {
        if (batch.Count > LedgerLimits.MaxBatchItems)
        {
            throw new ArgumentException($"A batch holds at most {LedgerLimits.MaxBatchItems} items; this one has {batch.Count}.", nameof(batch));
        }

        foreach (var command in batch)
        {
            command.By.EnsureComplete();
        }
    }

    private async Task<object?[]> WriteOnceAsync(Attempt attempt, Ids ids, CancellationToken cancellationToken)
    {
        var (batches, modules, plan) = (attempt.Batches, attempt.Modules, attempt.Plan);
        // Ids the transaction reads anyway, as records its items refer to (an expiry names its hold by the
        // hold's id), are read, not assumed; so are the ids module commands ask for, which may repeat.
        var ownIds = batches.SelectMany(b => b).Select(c => c.Id).Where(id => id != Guid.Empty).ToHashSet();
        var assumedNew = ids == Ids.AssumedNew ? ownIds.Except(plan.ReferencedRecords).ToHashSet() : [];
        var lookedUp = ownIds.Except(assumedNew).Concat(plan.ReferencedRecords).Concat(attempt.Predicted.Transfers.Select(t => t.Id).Where(id => id != Guid.Empty));

        await using var transaction = await WriteTransaction.OpenAsync(_store, cancellationToken);
        var (accounts, records, moduleSet) = await LockedSnapshot.ReadAsync(transaction, _store, plan.Accounts, lookedUp, attempt.Predicted, cancellationToken);
        foreach (var id in assumedNew)
        {
            records[id] = null;
        }

        var now = _store.Now();
        var workingSet = new LedgerWorkingSet(accounts, records);
        var outcomes = new object?[batches.Count];
        for (var i = 0; i < batches.Count; i++)
        {
            if (attempt.Abandoned(i)) continue;
            outcomes[i] = modules[i] is { } module ? moduleSet.Decide(module, workingSet, now) : BatchDecider.DecideBatch(batches[i], workingSet, now);
        }

        EnsureEachIdGetsANewRecord(assumedNew, batches, outcomes, workingSet);

        await using (var writes = transaction.CreateBatch())
        using (_writes.Queue(writes, workingSet, records, moduleSet, now))
        {
            await transaction.CommitAsync(writes, cancellationToken);
        }

        // The locked accounts' districts, so that planning the next transaction needs no query for them.
        foreach (var account in accounts.Values.OfType<Account>())
        {
            _store.Directory.Remember(account);
        }

        return outcomes;
    }

    // An id assumed new is proved new only by inserting its record, which fails on the key if the id was
    // decided before. A decision that inserts none (a rejection that is not remembered, say) proves nothing,
    // and might answer differently from the id's original outcome: then the transaction starts over with
    // every id looked up.
    private static void EnsureEachIdGetsANewRecord(
        HashSet<Guid> assumedNew, IReadOnlyList<IReadOnlyList<TransferCommand>> batches, object?[] outcomes,
        LedgerWorkingSet workingSet)
    {
        if (assumedNew.Count == 0)
        {
            return;
        }

        // Every record of an id assumed new is an insert: nothing was read for it.
        var inserted = workingSet.ChangedRecords.Select(r => r.Id).ToHashSet();
        for (var b = 0; b < batches.Count; b++)
        {
            if (outcomes[b] is null) continue;
            foreach (var command in batches[b])
            {
                if (assumedNew.Contains(command.Id) && !inserted.Contains(command.Id)) throw new IdsNotShownNewException(command.Id);
            }
        }
    }

    // Whether a transaction looks its items' ids up, or takes them to be new and lets the key prove it.
    private enum Ids
    {
        AssumedNew,
        LookedUp,
    }
}

/// <summary>
/// One batch's outcomes (null when abandoned) or, for a module command, its answer; or the failure of a
/// transaction it had items in.
/// </summary>
internal sealed record BatchResult(IReadOnlyList<TransferOutcome>? Outcomes, Exception? Failure, ModuleAnswer? Module = null);

/// <summary>One attempt's requests and its plan; <see cref="Abandoned"/> tells whether a request's caller gave up.</summary>
internal sealed record Attempt(
    IReadOnlyList<IReadOnlyList<TransferCommand>> Batches, IReadOnlyList<ModuleRequest?> Modules, ModulePlan Predicted, AccountPlan Plan, Func<int, bool> Abandoned);
