using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// A transaction that assumed its items' ids were new decided an item without inserting a record for its id,
/// so nothing would have proved the assumption (a record insert over an existing id fails on the key). The
/// transaction is abandoned before its commit and decided again with every id looked up.
/// </summary>
internal sealed class IdsNotShownNewException : Exception
{
    /// <summary>
    /// True when a transaction that assumed its ids new failed because the assumption was not shown: this
    /// exception, or a key already taken (the records' key, on an id decided before).
    /// </summary>
    public static bool Caused(Exception exception) =>
        exception is IdsNotShownNewException or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || (exception.InnerException is { } inner && Caused(inner));

    public IdsNotShownNewException(Guid id) : base($"Transfer id {id} was assumed new but its decision inserted no record.") { }

    public IdsNotShownNewException() { }

    public IdsNotShownNewException(string message) : base(message) { }

    public IdsNotShownNewException(string message, Exception inner) : base(message, inner) { }
}
