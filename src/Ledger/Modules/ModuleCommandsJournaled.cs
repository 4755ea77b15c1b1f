using System.Text.Json;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Modules;

/// <summary>
/// The module commands one write transaction decided, in order, in the transaction's journal beside its
/// account and transfer events: the event log stays the whole truth (the module's entities and the commands'
/// outcomes are projections of it), and the hash chain covers them too.
/// </summary>
public sealed record ModuleCommandsJournaled(IReadOnlyList<ModuleCommandDecided> Decisions);

/// <summary>One module command decided.</summary>
/// <param name="CommandId">The command's id.</param>
/// <param name="Kind">The kind of state (<see cref="ModuleDecider{TCommand, TState, TEvent, TResult}.Kind"/>).</param>
/// <param name="Key">The entity it changed, or would have.</param>
/// <param name="By">Who caused it.</param>
/// <param name="Command">The command, as the module writes it.</param>
/// <param name="Result">The answer, as the module writes it.</param>
/// <param name="TransferIds">The transfers it asked for, in order.</param>
/// <param name="TransferResults">What became of each.</param>
/// <param name="Version">The entity's version before the command; each event adds one.</param>
/// <param name="Events">The entity's events, as the module writes them; none for a refusal.</param>
public sealed record ModuleCommandDecided(
    Guid CommandId,
    string Kind,
    string Key,
    Attribution By,
    string Command,
    string Result,
    IReadOnlyList<Guid> TransferIds,
    IReadOnlyList<TransferResult> TransferResults,
    long Version,
    IReadOnlyList<JsonElement> Events);
