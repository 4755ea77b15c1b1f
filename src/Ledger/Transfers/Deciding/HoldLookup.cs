namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>Finding a hold and telling whether it can still be resolved; shared by post, void and expiry.</summary>
internal static class HoldLookup
{
    /// <summary>The hold with this id, or null when no successful hold has it.</summary>
    public static TransferRecord? Find(ILedgerView view, Guid holdId) =>
        view.FindRecord(holdId) is { Kind: TransferKind.Hold, Result: TransferResult.Ok } hold ? hold : null;

    /// <summary>Ok while the hold is pending and its timeout has not passed at <paramref name="now"/>.</summary>
    public static TransferResult CheckPending(TransferRecord hold, DateTimeOffset now) => hold.HoldState switch
    {
        HoldState.Posted => TransferResult.HoldAlreadyPosted,
        HoldState.Voided => TransferResult.HoldAlreadyVoided,
        HoldState.Expired => TransferResult.HoldExpired,
        HoldState.Pending when now >= hold.ExpiresAt => TransferResult.HoldExpired,
        _ => TransferResult.Ok,
    };
}
