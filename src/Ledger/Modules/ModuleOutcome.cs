using EPoomasi.Ledger.Transfers;

namespace EPoomasi.Ledger.Modules;

/// <summary>The answer to one module command.</summary>
/// <param name="Id">The command's id.</param>
/// <param name="Result">The module's answer: the first one, for a repeat of the id.</param>
/// <param name="Replayed">True when the id had been decided before and this is its original outcome.</param>
/// <param name="Transfers">
/// What became of the transfers the command asked for, in order. For a replay, each with its original
/// result and no record: look the ids up for the records as they stand now.
/// </param>
public sealed record ModuleOutcome<TResult>(Guid Id, TResult Result, bool Replayed, IReadOnlyList<TransferOutcome> Transfers);
