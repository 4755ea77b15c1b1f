using System.Text.Json;
using EPoomasi.Ledger.Modules.Searching;
using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Modules;

/// <summary>
/// How another module decides its commands on the ledger's write path: the template for the exchange and
/// the coordinators' tools. The ledger locks the command's state entity, asks <see cref="Transfers"/> what to
/// move, decides those transfers with its own rules, lets <see cref="Decide"/> see their outcomes, folds the
/// events into the state with <see cref="Evolve"/>, and commits all of it — state, events, outcome,
/// transfers and holds — in one transaction, grouped with other callers' writes. Either everything of a
/// command is stored or nothing is.
/// <para>
/// Every method is pure: it reads only its arguments. A method may run more than once for one command (a
/// transaction that lost a race runs again), so it must not do anything outside what it returns. Transfers
/// a command asks for should have ids derived from the command's (<see cref="DerivedIds"/>), and be a
/// linked chain when they must stand or fall together: <see cref="Decide"/> sees what they came to, and
/// cannot undo them.
/// </para>
/// </summary>
/// <typeparam name="TCommand">The module's commands on this kind of state.</typeparam>
/// <typeparam name="TState">One entity of state, kept as JSON.</typeparam>
/// <typeparam name="TEvent">A change of an entity, kept in the ledger's event log as JSON.</typeparam>
/// <typeparam name="TResult">The answer to a command, kept as JSON for repeats of its id.</typeparam>
public abstract class ModuleDecider<TCommand, TState, TEvent, TResult> : IModuleKind
    where TCommand : ModuleCommand
    where TState : class
{
    /// <summary>The name of this kind of state, unique in the ledger (<c>exchange.deal</c>, say). Lower case, dots and underscores.</summary>
    public abstract string Kind { get; }

    private JsonSerializerOptions? _reading;

    /// <summary>How the module's types are written as JSON. The web defaults unless overridden.</summary>
    protected virtual JsonSerializerOptions Json => JsonSerializerOptions.Web;

    // PostgreSQL's jsonb keeps an object's keys in its own order (shortest first), so the type discriminator
    // of a polymorphic event read back from the log is not necessarily its first property.
    private JsonSerializerOptions Reading => _reading ??= new JsonSerializerOptions(Json) { AllowOutOfOrderMetadataProperties = true };

    /// <summary>The transfers, holds, posts and voids the command asks for, given its entity's state (null for a new entity).</summary>
    public abstract IReadOnlyList<TransferCommand> Transfers(TCommand command, TState? state, DateTimeOffset now);

    /// <summary>The answer and the entity's events, given what became of the transfers asked for.</summary>
    public abstract ModuleDecision<TEvent, TResult> Decide(TCommand command, TState? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now);

    /// <summary>
    /// How <see cref="ModuleKind{TCommand, TState, TResult}.SearchAsync"/> finds the entity: the words of its text, as
    /// the module's own tokenizer cuts them, and until when; null (the default) for a kind nobody searches. Kept with
    /// the state, in the same transaction. Pure, like the rest.
    /// </summary>
    public virtual SearchEntry? Index(TState state) => null;

    /// <summary>
    /// The version of what <see cref="Index"/> emits. Raise it when the tokenizer changes: at start the ledger indexes
    /// again the kind's states an earlier version indexed (<see cref="LedgerModule.ReindexStaleAsync"/>), so that old
    /// and new entities are found alike.
    /// </summary>
    public virtual int IndexVersion => 1;

    /// <summary>The entity's state after <paramref name="change"/>.</summary>
    public abstract TState Evolve(TState? state, TEvent change);

    Type IModuleKind.CommandType => typeof(TCommand);

    int IModuleKind.IndexVersion => IndexVersion;

    IReadOnlyList<TransferCommand> IModuleKind.Transfers(ModuleCommand command, object? state, DateTimeOffset now) =>
        Transfers((TCommand)command, (TState?)state, now);

    ModuleStep IModuleKind.Decide(ModuleCommand command, object? state, IReadOnlyList<TransferOutcome> transfers, DateTimeOffset now)
    {
        var decision = Decide((TCommand)command, (TState?)state, transfers, now);
        var evolved = (TState?)state;
        foreach (var @event in decision.Events)
        {
            evolved = Evolve(evolved, @event);
        }

        return new ModuleStep(
            decision.Result,
            JsonSerializer.Serialize(decision.Result, Json),
            decision.Events.Select(e => JsonSerializer.SerializeToElement(e, Json)).ToList(),
            evolved);
    }

    object? IModuleKind.Fold(object? state, IReadOnlyList<JsonElement> events)
    {
        var evolved = (TState?)state;
        foreach (var change in events)
        {
            evolved = Evolve(evolved, change.Deserialize<TEvent>(Reading)!);
        }

        return evolved;
    }

    // As its own type, named: two kinds of command with the same fields are different commands.
    string IModuleKind.WriteCommand(ModuleCommand command) =>
        JsonSerializer.Serialize(new { type = command.GetType().Name, command = JsonSerializer.SerializeToElement(command, command.GetType(), Json) }, Json);

    string IModuleKind.WriteState(object state) => JsonSerializer.Serialize((TState)state, Json);

    SearchRow IModuleKind.SearchRow(object state) => Index((TState)state) is { } entry ? new SearchRow(SearchVectors.Vector(entry.Tokens), entry.Until) : SearchRow.None;

    string IModuleKind.WriteFilter(object matching) => JsonSerializer.Serialize(matching, matching.GetType(), Json);

    object? IModuleKind.ReadState(string json) => JsonSerializer.Deserialize<TState>(json, Reading);

    object? IModuleKind.ReadResult(string json) => JsonSerializer.Deserialize<TResult>(json, Reading);
}
