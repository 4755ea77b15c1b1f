using EPoomasi.Ledger.Accounts;

namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>
/// The accounts and records one transaction has locked and read, evolving as its items are decided,
/// with an undo log so that a failed linked chain leaves no trace. Asking for an account or record
/// that was not loaded is a <see cref="LockSetIncompleteException"/>: the caller must reload and try again,
/// because deciding on an unlocked account could overdraw it.
/// </summary>
public sealed class LedgerWorkingSet : ILedgerView
{
    private readonly Dictionary<Guid, Account?> _accounts;
    private readonly Dictionary<Guid, TransferRecord?> _records;
    private readonly List<AccountEvent> _events = [];
    private readonly List<TransferEvent> _transferEvents = [];
    private readonly Dictionary<Guid, TransferRecord> _changedRecords = [];
    private readonly Stack<Action> _undo = new();
    private bool _inChain;

    public LedgerWorkingSet(IReadOnlyDictionary<Guid, Account?> lockedAccounts, IReadOnlyDictionary<Guid, TransferRecord?> loadedRecords)
    {
        _accounts = new Dictionary<Guid, Account?>(lockedAccounts);
        _records = new Dictionary<Guid, TransferRecord?>(loadedRecords);
    }

    /// <summary>Events to append, in the order they were decided.</summary>
    public IReadOnlyList<AccountEvent> Events => _events;

    /// <summary>What happened to transfer ids, in the order it was decided: the changes of <see cref="ChangedRecords"/>.</summary>
    public IReadOnlyList<TransferEvent> TransferEvents => _transferEvents;

    /// <summary>Records created or changed.</summary>
    public IReadOnlyCollection<TransferRecord> ChangedRecords => _changedRecords.Values;

    /// <summary>Accounts as they stand now, for those that changed.</summary>
    public IEnumerable<Account> ChangedAccounts =>
        _events.Select(e => e.AccountId).Distinct().Select(id => _accounts[id]!);

    public Account? FindAccount(Guid accountId) =>
        _accounts.TryGetValue(accountId, out var account) ? account : throw new LockSetIncompleteException(accountId);

    public TransferRecord? FindRecord(Guid transferId) =>
        _records.TryGetValue(transferId, out var record) ? record : throw new LockSetIncompleteException(transferId);

    /// <summary>
    /// Applies a decision's events (through <see cref="AccountEvolution.Evolve"/>) and records, each change of
    /// a record becoming its <see cref="TransferEvent"/>.
    /// </summary>
    public void Apply(Decision decision)
    {
        foreach (var @event in decision.Events)
        {
            var before = FindAccount(@event.AccountId);
            _accounts[@event.AccountId] = AccountEvolution.Evolve(before, @event);
            _events.Add(@event);
            if (_inChain) _undo.Push(UndoEvent(@event.AccountId, before));
        }

        foreach (var record in decision.Records)
        {
            var before = _records.GetValueOrDefault(record.Id);
            var changedBefore = _changedRecords.GetValueOrDefault(record.Id);
            _transferEvents.Add(TransferEvolution.Between(before, record, decision.Record!.At));
            _records[record.Id] = record;
            _changedRecords[record.Id] = record;
            if (_inChain) _undo.Push(UndoRecord(record.Id, before, changedBefore));
        }
    }

    // Undo steps are built only inside a linked chain; outside one they were never used, yet every
    // event and record allocated one.
    private Action UndoEvent(Guid accountId, Account? before) => () =>
    {
        _accounts[accountId] = before;
        _events.RemoveAt(_events.Count - 1);
    };

    private Action UndoRecord(Guid recordId, TransferRecord? before, TransferRecord? changedBefore) => () =>
    {
        _records[recordId] = before;
        _transferEvents.RemoveAt(_transferEvents.Count - 1);
        if (changedBefore is not null) _changedRecords[recordId] = changedBefore;
        else _changedRecords.Remove(recordId);
    };

    /// <summary>Starts remembering changes, for a linked chain that may have to be undone.</summary>
    public void BeginChain()
    {
        _undo.Clear();
        _inChain = true;
    }

    /// <summary>Keeps everything since <see cref="BeginChain"/>.</summary>
    public void CommitChain()
    {
        _undo.Clear();
        _inChain = false;
    }

    /// <summary>Undoes everything since <see cref="BeginChain"/>.</summary>
    public void RollbackChain()
    {
        while (_undo.TryPop(out var undo))
        {
            undo();
        }

        _inChain = false;
    }
}
