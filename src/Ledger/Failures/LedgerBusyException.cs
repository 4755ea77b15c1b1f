namespace EPoomasi.Ledger;

/// <summary>
/// More transfer items are waiting for a transaction than the writer queues: the request was not
/// taken, nothing of it is applied, and the caller may retry it (with the same ids) shortly.
/// </summary>
public sealed class LedgerBusyException : Exception
{
    public LedgerBusyException(int waiting, int limit)
        : base($"The ledger is busy: {waiting:N0} transfer items are waiting to be written, and it queues at most {limit:N0}. Nothing of this request was applied; retry shortly with the same ids.")
    {
    }

    public LedgerBusyException() { }

    public LedgerBusyException(string message) : base(message) { }

    public LedgerBusyException(string message, Exception inner) : base(message, inner) { }
}
