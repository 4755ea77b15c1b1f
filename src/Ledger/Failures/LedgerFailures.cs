using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger;

/// <summary>
/// What crosses the ledger's door when a call fails: the ledger's own failures, never a database's error
/// codes. A host maps these to its protocol without knowing PostgreSQL, Npgsql or Marten.
/// </summary>
internal static class LedgerFailures
{
    /// <summary>Awaits <paramref name="call"/>, letting only the ledger's own failures out.</summary>
    public static async Task<T> Guarded<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (Exception failure) when (Translate(failure) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The ledger's failure for <paramref name="exception"/>, or null when it is one already (or a bug, which goes on as it is).</summary>
    public static Exception? Translate(Exception exception)
    {
        if (exception is OperationCanceledException or LedgerUnavailableException or LedgerConflictException or LedgerBusyException
            or LedgerInputException or StorageLayoutException or LedgerInvariantException)
        {
            return null;
        }

        if (IsUnavailable(exception))
        {
            return new LedgerUnavailableException("The ledger database is unavailable. Retry with the same ids: nothing is applied twice.", exception);
        }

        if (ConflictRetry.IsConflict(exception))
        {
            return new LedgerConflictException("Lost a race with concurrent writers after several attempts; retry with the same ids.", exception);
        }

        return null;
    }

    // Unreachable, shutting down, out of connections, or a command timeout: nothing the caller did.
    private static bool IsUnavailable(Exception exception) => ConflictRetry.AnyInChain(exception, e =>
        e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
            or PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" });
}
