namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>
/// The one rule for an id seen before, applied to every kind of item. Same fields: the original
/// outcome, success or rejection, and nothing changes. Different fields: rejected as
/// <see cref="TransferResult.ExistsWithDifferentFields"/> if the id succeeded, or
/// <see cref="TransferResult.IdAlreadyFailed"/> if it failed. A failed id is never tried again:
/// to try again, choose a new id.
/// </summary>
internal static class Idempotency
{
    public static Decision Repeat(TransferRecord existing, bool sameFields) => sameFields
        ? Decision.Replay(existing)
        : Decision.Rejected(existing.Result == TransferResult.Ok
            ? TransferResult.ExistsWithDifferentFields
            : TransferResult.IdAlreadyFailed);
}
