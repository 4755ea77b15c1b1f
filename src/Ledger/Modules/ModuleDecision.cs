namespace EPoomasi.Ledger.Modules;

/// <summary>What a module decided about one command, once it knows what became of the transfers it asked for.</summary>
/// <param name="Result">The answer to the command, kept and given again to a repeat of its id.</param>
/// <param name="Events">The changes to the command's state entity, in order; none for a refusal.</param>
public sealed record ModuleDecision<TEvent, TResult>(TResult Result, IReadOnlyList<TEvent> Events)
;
