namespace EPoomasi.Ledger.Transfers.Deciding;

/// <summary>
/// A decision needed an account or record its transaction had not locked or read, because something
/// changed between planning and locking. The transaction is abandoned and planned again.
/// </summary>
public sealed class LockSetIncompleteException : Exception
{
    public LockSetIncompleteException(Guid id) : base($"{id} was not in the transaction's lock set.") { }

    public LockSetIncompleteException() { }

    public LockSetIncompleteException(string message) : base(message) { }

    public LockSetIncompleteException(string message, Exception inner) : base(message, inner) { }
}
