using EPoomasi.Ledger.Transfers.Deciding;
using JasperFx;
using JasperFx.Events;
using Npgsql;
using Polly;
using Polly.Retry;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Retries a whole write transaction, in a fresh session, when it lost a race that PostgreSQL rolled
/// back for certain: a unique key taken by a concurrent insert of the same id, a serialization
/// failure or deadlock, or a lock set that changed between planning and locking. Every write is
/// decided again from what is then committed, and every write is idempotent by its id, so the retry
/// can never apply anything twice. Errors whose commit outcome is unknown are not retried here.
/// </summary>
internal static class ConflictRetry
{
    /// <summary>Attempts before giving up with the last conflict.</summary>
    public const int MaxAttempts = 12;

    public static ResiliencePipeline Create(TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
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

    /// <summary>True when the transaction certainly rolled back because of a concurrent writer.</summary>
    public static bool IsConflict(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case LockSetIncompleteException:
                case DocumentAlreadyExistsException:
                case ExistingStreamIdCollisionException:
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                    return true;
            }
        }

        return false;
    }
}
