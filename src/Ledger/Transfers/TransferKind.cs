namespace EPoomasi.Ledger.Transfers;

/// <summary>What a transfer record stands for.</summary>
public enum TransferKind
{
    /// <summary>A transfer posted at once.</summary>
    Transfer = 1,

    /// <summary>A pending transfer: a reservation waiting to be posted, voided or expired.</summary>
    Hold = 2,

    /// <summary>The posting of a hold; this is what moves the minutes.</summary>
    HoldPost = 3,

    /// <summary>The voiding of a hold.</summary>
    HoldVoid = 4,

    /// <summary>A compensating transfer for an earlier one.</summary>
    Reversal = 5,
}
