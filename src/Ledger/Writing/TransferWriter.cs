using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.Deciding;
using EPoomasi.Ledger.Transfers.ExpiringHold;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;
using Polly;

namespace EPoomasi.Ledger.Writing;

/// <summary>
/// Writes batches of transfers, holds and reversals. Each call runs in one transaction that locks every
/// account it touches (in id order), decides each item against what it locked, and commits the events,
/// states and records together: all or nothing. Safe to call from many threads and many processes at once.
/// </summary>
public sealed class TransferWriter
{
    private readonly LedgerStore _store;
    private readonly SetBasedWrites _writes;
    private readonly ResiliencePipeline _retry;

    public TransferWriter(LedgerStore store)
    {
        _store = store;
        _writes = new SetBasedWrites(store);
        _retry = ConflictRetry.Create(store.Time);
    }

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
    /// Decides several independent batches in one transaction, for group commit: each keeps its own
    /// linked chains and outcomes, and later batches see the effects of earlier ones.
    /// </summary>
    public async Task<IReadOnlyList<TransferOutcome>[]> SubmitManyAsync(IReadOnlyList<IReadOnlyList<TransferCommand>> batches, CancellationToken cancellationToken)
    {
        var outcomes = await SubmitManyAsync(batches, _ => false, cancellationToken);
        return outcomes.Select(o => o!).ToArray();
    }

    /// <summary>
    /// As <see cref="SubmitManyAsync(IReadOnlyList{IReadOnlyList{TransferCommand}}, CancellationToken)"/>, but a
    /// batch for which <paramref name="abandoned"/> holds once the transaction has its locks is not
    /// decided at all: its outcome is null and nothing of it is written.
    /// </summary>
    internal async Task<IReadOnlyList<TransferOutcome>?[]> SubmitManyAsync(
        IReadOnlyList<IReadOnlyList<TransferCommand>> batches, Func<int, bool> abandoned, CancellationToken cancellationToken)
    {
        foreach (var batch in batches)
        {
            Validate(batch);
        }

        if (batches.All(b => b.Count == 0))
        {
            return batches.Select(_ => (IReadOnlyList<TransferOutcome>?)[]).ToArray();
        }

        return await _retry.ExecuteAsync(async token => await WriteOnceAsync(batches, abandoned, token), cancellationToken);
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

    private async Task<IReadOnlyList<TransferOutcome>?[]> WriteOnceAsync(IReadOnlyList<IReadOnlyList<TransferCommand>> batches, Func<int, bool> abandoned, CancellationToken cancellationToken)
    {
        var commands = batches.SelectMany(b => b).ToList();
        var referencedIds = commands.Select(ReferencedRecordId).OfType<Guid>().Where(id => id != Guid.Empty).ToHashSet();
        var accountIds = await PlanAccountsAsync(commands, referencedIds, cancellationToken);

        await using var transaction = await WriteTransaction.OpenAsync(_store, cancellationToken);
        var recordIds = commands.Select(c => c.Id).Where(id => id != Guid.Empty).Concat(referencedIds);
        var (accounts, records) = await LockedSnapshot.ReadAsync(transaction, _store, accountIds, recordIds, cancellationToken);

        var now = _store.Time.GetUtcNow();
        var workingSet = new LedgerWorkingSet(accounts, records);
        var outcomes = batches.Select((batch, i) => abandoned(i) ? null : (IReadOnlyList<TransferOutcome>?)BatchDecider.DecideBatch(batch, workingSet, now)).ToArray();

        await using (var writes = transaction.CreateBatch())
        using (_writes.Queue(writes, workingSet.Events, workingSet.ChangedAccounts, workingSet.ChangedRecords, records, now))
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

    // Every account an item may touch, so that all are locked in one ordered statement. Holds and
    // reversals name their accounts through records read here without locks: the accounts of a record
    // never change, and whatever else changed by the time the locks are held is read again under them.
    private async Task<HashSet<Guid>> PlanAccountsAsync(List<TransferCommand> commands, HashSet<Guid> referencedIds, CancellationToken cancellationToken)
    {
        var accountIds = new HashSet<Guid>();
        if (referencedIds.Count > 0)
        {
            await using var session = _store.Documents.QuerySession();
            var referenced = await session.LoadManyAsync<TransferRecord>(cancellationToken, referencedIds);
            accountIds.UnionWith(referenced.SelectMany(r => r.Legs).SelectMany(leg => new[] { leg.DebitAccountId, leg.CreditAccountId }));
            accountIds.UnionWith(referenced.SelectMany(r => new[] { r.DebitAccountId, r.CreditAccountId }));
        }

        var creates = commands.OfType<CreateTransfer>().ToList();
        var districts = await _store.Directory.DistrictsOfAsync(
            creates.SelectMany(c => new[] { c.DebitAccountId, c.CreditAccountId }), cancellationToken);
        foreach (var create in creates)
        {
            accountIds.Add(create.DebitAccountId);
            accountIds.Add(create.CreditAccountId);
            if (districts.TryGetValue(create.DebitAccountId, out var from)
                && districts.TryGetValue(create.CreditAccountId, out var to)
                && from != to)
            {
                accountIds.Add(WellKnownAccounts.Clearing(from, to));
                accountIds.Add(WellKnownAccounts.Clearing(to, from));
            }
        }

        accountIds.Remove(Guid.Empty);
        return accountIds;
    }

    private static Guid? ReferencedRecordId(TransferCommand command) => command switch
    {
        PostHold post => post.HoldId,
        VoidHold @void => @void.HoldId,
        ExpireHold expire => expire.HoldId,
        ReverseTransfer reverse => reverse.TransferId,
        _ => null,
    };
}
