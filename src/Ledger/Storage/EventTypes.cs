using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Transfers;
using Marten;
using Marten.Events;

namespace EPoomasi.Ledger.Storage;

/// <summary>Every kind of event the ledger's log holds, and the type each name in the log stands for.</summary>
internal sealed class EventTypes
{
    /// <summary>Every kind of event, as the event store must know them.</summary>
    public static readonly IReadOnlyList<Type> All =
    [
        .. EventKinds.AccountEventTypes, typeof(AccountEventsJournaled), typeof(TransfersJournaled), typeof(TransferRecordsCarriedForward),
        typeof(Modules.ModuleCommandsJournaled),
        typeof(DistrictCreated), typeof(DistrictDefaultsChanged), typeof(MintBudgetChanged), typeof(TrustLimitSet),
        typeof(CoordinatorAppointed), typeof(CoordinatorRemoved), typeof(MintBudgetPeriodOpened),
    ];

    private readonly Dictionary<string, Type> _byName;

    public EventTypes(LedgerStore store)
    {
        var graph = (EventGraph)((StoreOptions)store.Documents.Options).Events;
        _byName = All.ToDictionary(type => graph.EventMappingFor(type).EventTypeName, StringComparer.Ordinal);
    }

    /// <summary>The type of the event named <paramref name="name"/> in the log, at <paramref name="sequence"/>.</summary>
    /// <exception cref="InvalidDataException">No kind of event has that name.</exception>
    public Type Of(string name, long sequence) =>
        _byName.TryGetValue(name, out var type) ? type : throw new InvalidDataException($"Event {sequence} of the log is of an unknown kind, '{name}'.");
}
