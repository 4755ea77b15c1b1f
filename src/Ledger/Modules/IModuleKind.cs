using System.Text.Json;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Modules;

/// <summary>A registered <see cref="ModuleDecider{TCommand, TState, TEvent, TResult}"/>, as the write path sees it: untyped.</summary>
internal interface IModuleKind
{
    string Kind { get; }

    Type CommandType { get; }

    int IndexVersion { get; }

    IReadOnlyList<TransferCommand> Transfers(ModuleCommand command, object? state, DateTimeOffset now);

    ModuleStep Decide(ModuleCommand command, object? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now);

    /// <summary>The state after <paramref name="events"/> (as written in the log), for a rebuild.</summary>
    object? Fold(object? state, IReadOnlyList<JsonElement> events);

    string WriteCommand(ModuleCommand command);

    string WriteState(object state);

    /// <summary>How the state is found by search: its words as <c>tsvector</c> text and its end, or none.</summary>
    Searching.SearchRow SearchRow(object state);

    /// <summary>A filter on states, written as the states are (same names), for JSON containment.</summary>
    string WriteFilter(object matching);

    object? ReadState(string json);

    object? ReadResult(string json);
}

/// <summary>One command decided: its answer (as itself and as JSON), its events as JSON, and the entity's state after them.</summary>
internal sealed record ModuleStep(object? Result, string ResultJson, IReadOnlyList<JsonElement> Events, object? State);
