namespace EPoomasi.Ledger;

/// <summary>
/// The database refused a value of this request (text it cannot store, say): the request is at fault,
/// nothing of it was applied, and sending it again unchanged will fail the same way.
/// </summary>
public sealed class LedgerInputException : ArgumentException
{
    public LedgerInputException(string message, Exception inner) : base(message, inner) { }

    public LedgerInputException() { }

    public LedgerInputException(string message) : base(message) { }
}
