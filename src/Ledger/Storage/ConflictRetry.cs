using EPoomasi.Ledger.Transfers.Deciding;
using JasperFx;
using JasperFx.Events;
using Npgsql;
using Polly;
using Polly.Retry;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Retries a whole write transaction, each attempt in a fresh session, when it lost a race that
/// PostgreSQL rolled back for certain (a unique key taken by a concurrent insert of the same id, a
/// serialization failure or deadlock, a lock set that changed between planning and locking), and a
/// few times, with jitter, when the connection failed transiently. Every write is idempotent by its
/// id and every attempt decides again from what is committed, so even a commit whose outcome was
/// unknown is not repeated blindly: if it had landed, the next attempt finds its records and answers
/// with their original outcome (marked replayed) instead of applying anything twice.
/// </summary>
internal static class ConflictRetry
{
    /// <summary>Attempts before giving up with the last conflict.</summary>
    public const int MaxAttempts = 12;

    /// <summary>Attempts before giving up on a connection that keeps failing: the database is down.</summary>
    public const int MaxTransientAttempts = 3;

    /// <summary>
    /// The retry pipeline. Its backoff waits on the system clock, never on the ledger's: the ledger's clock
    /// stamps events (a test may hold it still), while a backoff is real waiting for a real competitor, and
    /// a wait on a clock that nobody advances never ends.
    /// </summary>
    public static ResiliencePipeline Create() => new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = MaxTransientAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(50),
            MaxDelay = TimeSpan.FromMilliseconds(500),
        })
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsConflict),
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(2),
            MaxDelay = TimeSpan.FromMilliseconds(200),
        })
        .Build();

    /// <summary>
    /// True when the connection, not the transaction's logic, failed: worth another attempt soon. Not when
    /// the server refused the connection: it is down, and attempts in a row only keep the caller waiting
    /// for the same answer (the gateway answers at once while it is down).
    /// </summary>
    public static bool IsTransient(Exception exception) =>
        !AnyInChain(exception, e => e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
        && AnyInChain(exception, e => e is NpgsqlException { IsTransient: true } or PostgresException { SqlState: "57P01" or "57P02" or "57P03" });

    /// <summary>True when the transaction certainly rolled back because of a concurrent writer.</summary>
    public static bool IsConflict(Exception exception) => AnyInChain(exception, e => e is LockSetIncompleteException
        or DocumentAlreadyExistsException
        or ExistingStreamIdCollisionException
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected });

    /// <summary>Marten and Npgsql wrap what PostgreSQL said; the cause may sit anywhere down the chain.</summary>
    internal static bool AnyInChain(Exception exception, Func<Exception, bool> matches)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (matches(current))
            {
                return true;
            }
        }

        return false;
    }
}
