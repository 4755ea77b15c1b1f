namespace EPoomasi.Ledger;

/// <summary>
/// The ledger's database could not be reached, or went away during the call. What was not committed is
/// not applied; a commit whose answer was lost is found again by its ids. The caller may retry with the
/// same ids.
/// </summary>
public sealed class LedgerUnavailableException : Exception
{
    public LedgerUnavailableException(string message, Exception inner) : base(message, inner) { }

    public LedgerUnavailableException() { }

    public LedgerUnavailableException(string message) : base(message) { }
}
