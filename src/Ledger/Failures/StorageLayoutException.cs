namespace EPoomasi.Ledger;

/// <summary>
/// The database holds a ledger of a storage layout this code will not serve as it stands: newer than the
/// code, too old to carry forward, or older while the operator migrates explicitly. The message says what to do.
/// </summary>
public sealed class StorageLayoutException : InvalidOperationException
{
    public StorageLayoutException(string message) : base(message) { }

    public StorageLayoutException() { }

    public StorageLayoutException(string message, Exception inner) : base(message, inner) { }
}
