using EPoomasi.Ledger.Modules.Searching;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.Deciding;

namespace EPoomasi.Ledger.Modules;

/// <summary>
/// The module state entities one write transaction has locked, and the outcomes of the module command ids it
/// read, evolving as its module commands are decided; with the rows and events to write. Asking for an entity
/// or id that was not read is a <see cref="LockSetIncompleteException"/>, as for accounts.
/// </summary>
internal sealed class ModuleWorkingSet
{
    private readonly Dictionary<(string Kind, string Key), Entity> _entities;
    private readonly Dictionary<Guid, PriorOutcome?> _outcomes;
    private readonly List<ModuleCommandDecided> _decided = [];

    public ModuleWorkingSet(Dictionary<(string Kind, string Key), Entity> entities, Dictionary<Guid, PriorOutcome?> outcomes)
    {
        _entities = entities;
        _outcomes = outcomes;
    }

    /// <summary>No module command in this transaction.</summary>
    public static ModuleWorkingSet Empty => new([], []);

    /// <summary>Commands decided, in order: for the journal, and the outcomes to insert.</summary>
    public IReadOnlyList<ModuleCommandDecided> Decided => _decided;

    /// <summary>Entities whose state changed, as they stand now.</summary>
    public IEnumerable<((string Kind, string Key) Entity, Entity State)> ChangedEntities =>
        _entities.Where(pair => pair.Value.Changed).Select(pair => (pair.Key, pair.Value));

    /// <summary>
    /// Decides one module command: its prior outcome when its id was decided before; otherwise its transfers
    /// (through <see cref="BatchDecider"/>, against <paramref name="ledger"/>), then its answer and events.
    /// </summary>
    public ModuleAnswer Decide(ModuleRequest request, LedgerWorkingSet ledger, DateTimeOffset now)
    {
        var (kind, command) = (request.Kind, request.Command);
        if (!_outcomes.TryGetValue(command.Id, out var prior)) throw new LockSetIncompleteException(command.Id);
        if (prior is not null)
        {
            return prior.Kind == kind.Kind && prior.Key == command.StateKey && prior.Command == request.CommandText
                ? new ModuleAnswer(kind.ReadResult(prior.Result), true, prior.TransferIds.Select((id, i) => new TransferOutcome(id, (TransferResult)prior.TransferResults[i], true, null)).ToList())
                : new ModuleAnswer(null, false, [], new ModuleIdReusedException(command.Id));
        }

        if (!_entities.TryGetValue(request.Entity, out var entity)) throw new LockSetIncompleteException($"The entity {request.Entity} was not locked.");
        var transfers = Guarded(request, () => kind.Transfers(command, entity.State, now));
        EnsureTakeable(request, transfers);
        var outcomes = BatchDecider.DecideBatch(transfers, ledger, now);
        var step = Guarded(request, () => kind.Decide(command, entity.State, outcomes, now));

        if (step.Events.Count > 0)
        {
            var search = step.State is null ? SearchRow.None : Guarded(request, () => kind.SearchRow(step.State));
            _entities[request.Entity] = entity with { Version = entity.Version + step.Events.Count, State = step.State, Changed = true, Search = search };
        }

        var ids = outcomes.Select(o => o.Id).ToArray();
        _outcomes[command.Id] = new PriorOutcome(kind.Kind, command.StateKey, request.CommandText, step.ResultJson, ids, outcomes.Select(o => (short)o.Result).ToArray());
        _decided.Add(new ModuleCommandDecided(
            command.Id, kind.Kind, command.StateKey, command.By, request.CommandText, step.ResultJson, ids, outcomes.Select(o => o.Result).ToArray(), entity.Version, step.Events));
        return new ModuleAnswer(step.Result, false, outcomes);
    }

    /// <summary>The state text of a changed entity, written by its kind.</summary>
    public static string StateText(IModuleKind kind, Entity entity) => kind.WriteState(entity.State!);

    /// <summary>Runs the module's own code: whatever it throws is that command's failure alone.</summary>
    public static T Guarded<T>(ModuleRequest request, Func<T> decide)
    {
        try
        {
            return decide();
        }
        catch (Exception exception) when (exception is not ModuleFailedException and not LockSetIncompleteException)
        {
            throw new ModuleFailedException(request.Kind.Kind, request.Command.Id, exception);
        }
    }

    // What the module asked for must be something a transaction can take; if not, the module is at fault.
    private static void EnsureTakeable(ModuleRequest request, IReadOnlyList<TransferCommand> transfers) => Guarded(request, () =>
    {
        if (transfers.Count > LedgerLimits.MaxBatchItems)
        {
            throw new InvalidOperationException($"A command asks for at most {LedgerLimits.MaxBatchItems} transfers; this one asked for {transfers.Count}.");
        }

        foreach (var transfer in transfers)
        {
            transfer.By.EnsureComplete();
        }

        return true;
    });

    /// <summary>An entity as the transaction sees it: null state for one that does not exist yet.</summary>
    /// <param name="Search">For a changed entity, how search finds it (null when not searched).</param>
    internal sealed record Entity(IModuleKind Kind, long Version, object? State, bool Existed, bool Changed = false, SearchRow? Search = null);

    /// <summary>A command id decided before, as stored.</summary>
    internal sealed record PriorOutcome(string Kind, string Key, string Command, string Result, Guid[] TransferIds, short[] TransferResults);
}
