namespace EPoomasi.Ledger.Transfers;

/// <summary>The answer for one batch item.</summary>
/// <param name="Id">The item's id, as submitted.</param>
/// <param name="Result">Ok or the one reason it was rejected.</param>
/// <param name="Replayed">True when the id had already been decided and this is its original outcome, unchanged.</param>
/// <param name="Record">The stored record, when the id has one.</param>
public sealed record TransferOutcome(Guid Id, TransferResult Result, bool Replayed, TransferRecord? Record)
{
    public bool IsOk => Result == TransferResult.Ok;
}
