namespace EPoomasi.Ledger.Accounts;

/// <summary>Open → frozen ↔ open → closed. Closed is final.</summary>
public enum AccountStatus
{
    /// <summary>Takes part in transfers.</summary>
    Open = 1,

    /// <summary>No new movements either way; pending holds may still be voided or expire.</summary>
    Frozen = 2,

    /// <summary>Closed at zero balance with no holds; final.</summary>
    Closed = 3,
}
