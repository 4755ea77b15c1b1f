using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers.Deciding;

namespace EPoomasi.Ledger.Tests.Storage;

/// <summary>
/// The retry's backoff once waited on the ledger's clock, which tests hold still: a race lost under
/// contention then never woke, and the suite hung. Backoff is real waiting, on the system clock.
/// </summary>
public sealed class a_lost_race_is_retried_whatever_the_ledger_clock_says
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_transaction_that_lost_twice_runs_a_third_time_at_once()
    {
        var attempts = 0;
        var started = TimeProvider.System.GetTimestamp();

        await ConflictRetry.Create().ExecuteAsync(_ =>
        {
            if (++attempts < 3) throw new LockSetIncompleteException(Guid.NewGuid());
            return ValueTask.CompletedTask;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(3, attempts);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }
}
