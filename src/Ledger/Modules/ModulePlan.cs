using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using Npgsql;

namespace EPoomasi.Ledger.Modules;

/// <summary>
/// What a transaction's module commands will ask for, worked out before any lock is taken, from their
/// entities as committed: the transfers, whose accounts and records the transaction must lock and read, and
/// the entities and command ids themselves. Should an entity change before its lock is taken, the command asks
/// for something else under the lock, the transaction finds it missing from its lock set, and plans again.
/// </summary>
internal sealed class ModulePlan
{
    private ModulePlan(IReadOnlyList<TransferCommand> transfers, IReadOnlyDictionary<(string Kind, string Key), IModuleKind> entities, IReadOnlyList<Guid> commandIds)
    {
        Transfers = transfers;
        Entities = entities;
        CommandIds = commandIds;
    }

    public static ModulePlan None { get; } = new([], new Dictionary<(string, string), IModuleKind>(), []);

    /// <summary>Every transfer the commands are expected to ask for.</summary>
    public IReadOnlyList<TransferCommand> Transfers { get; }

    /// <summary>The entities to lock, with their kinds.</summary>
    public IReadOnlyDictionary<(string Kind, string Key), IModuleKind> Entities { get; }

    /// <summary>The commands' ids, whose outcomes the transaction reads.</summary>
    public IReadOnlyList<Guid> CommandIds { get; }

    public static async Task<ModulePlan> MakeAsync(LedgerStore store, IReadOnlyList<ModuleRequest?> modules, CancellationToken cancellationToken)
    {
        var requests = modules.OfType<ModuleRequest>().ToList();
        if (requests.Count == 0)
        {
            return None;
        }

        var entities = requests.GroupBy(r => r.Entity).ToDictionary(g => g.Key, g => g.First().Kind);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ModuleTables.ReadStates(store.Schema), connection);
        command.Parameters.AddRange(ModuleTables.EntityKeys(entities.Keys));
        var states = await ModuleStates.ReadAsync(command, entities, cancellationToken);

        var now = store.Now();
        var transfers = new List<TransferCommand>();
        foreach (var request in requests)
        {
            transfers.AddRange(ModuleWorkingSet.Guarded(request, () => request.Kind.Transfers(request.Command, states[request.Entity].State, now)));
        }

        return new ModulePlan(transfers, entities, requests.Select(r => r.Command.Id).ToList());
    }
}
