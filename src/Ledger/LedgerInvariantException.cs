namespace EPoomasi.Ledger;

/// <summary>
/// A ledger invariant was about to be broken. This is a bug, never a business outcome: the operation
/// stops before anything is written and the transaction rolls back.
/// </summary>
public sealed class LedgerInvariantException : Exception
{
    public LedgerInvariantException(string message) : base(message) { }

    public LedgerInvariantException() { }

    public LedgerInvariantException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Unless(bool condition, string message)
    {
        if (!condition)
        {
            throw new LedgerInvariantException(message);
        }
    }
}
