namespace EPoomasi.Ledger;

/// <summary>
/// The call lost its race with concurrent writers on every attempt the ledger made. Nothing of the losing
/// transactions was applied; the caller may retry with the same ids.
/// </summary>
public sealed class LedgerConflictException : Exception
{
    public LedgerConflictException(string message, Exception inner) : base(message, inner) { }

    public LedgerConflictException() { }

    public LedgerConflictException(string message) : base(message) { }
}
