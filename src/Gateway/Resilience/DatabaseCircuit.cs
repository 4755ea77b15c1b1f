using EPoomasi.Gateway.Errors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EPoomasi.Gateway.Resilience;

/// <summary>
/// One circuit per gateway process around everything that reaches the database. While the database
/// is unavailable the circuit opens, and calls are answered UNAVAILABLE at once instead of each
/// waiting for their own failure; after the break a trial call goes through, and the circuit closes
/// by itself once the database answers. A timeout inside each call keeps it within the caller's deadline.
/// </summary>
public sealed class DatabaseCircuit
{
    private static readonly ResiliencePropertyKey<TimeSpan> Remaining = new("epoomasi.remaining");

    private readonly ResiliencePipeline _pipeline;

    public DatabaseCircuit(ResilienceOptions options, TimeProvider time)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ErrorInterceptor.IsUnavailable),
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.SamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakSeconds),
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(
                    args.Context.Properties.TryGetValue(Remaining, out var remaining) && remaining < TimeSpan.FromSeconds(options.MaxCallSeconds)
                        ? remaining
                        : TimeSpan.FromSeconds(options.MaxCallSeconds)),
            })
            .Build();
    }

    /// <summary>Runs <paramref name="call"/> through the circuit, with at most <paramref name="remaining"/> to finish.</summary>
    /// <exception cref="BrokenCircuitException">The circuit is open.</exception>
    /// <exception cref="TimeoutRejectedException">The call ran out of its time.</exception>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan remaining, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        // A deadline already past still gets a moment, so the call fails as DEADLINE_EXCEEDED, not as a bad timeout.
        context.Properties.Set(Remaining, remaining > TimeSpan.FromMilliseconds(10) ? remaining : TimeSpan.FromMilliseconds(10));
        try
        {
            return await _pipeline.ExecuteAsync(async ctx => await call(ctx.CancellationToken), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
