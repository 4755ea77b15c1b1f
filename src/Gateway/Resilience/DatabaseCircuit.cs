using EPoomasi.Ledger;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EPoomasi.Gateway.Resilience;

/// <summary>
/// One circuit per gateway process around everything that reaches the database. A call that finds the
/// database unreachable (connection refused, server shutting down) opens it at once, for
/// <see cref="ResilienceOptions.DownSeconds"/>: calls meanwhile are answered UNAVAILABLE with when to
/// retry, without waiting for failures of their own; the first call after that tries the database
/// again. Slower trouble (calls failing now and then, timeouts) opens it by ratio over a sampling window
/// instead. A timeout inside each call keeps it within the caller's deadline.
/// </summary>
public sealed class DatabaseCircuit
{
    private static readonly ResiliencePropertyKey<TimeSpan> Remaining = new("epoomasi.remaining");

    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly TimeSpan _downFor;
    private readonly CircuitBreakerStateProvider _breaker = new();
    private long _downUntilTicks;

    public DatabaseCircuit(ResilienceOptions options, TimeProvider time)
    {
        _time = time;
        _downFor = TimeSpan.FromSeconds(options.DownSeconds);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<LedgerUnavailableException>(),
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.SamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakSeconds),
                StateProvider = _breaker,
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(
                    args.Context.Properties.TryGetValue(Remaining, out var remaining) && remaining < TimeSpan.FromSeconds(options.MaxCallSeconds)
                        ? remaining
                        : TimeSpan.FromSeconds(options.MaxCallSeconds)),
            })
            .Build();
        Telemetry.GatewayTelemetry.Track(this);
    }

    /// <summary>Where the circuit stands now, for operators.</summary>
    public CircuitState State =>
        _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _downUntilTicks) ? CircuitState.Open
        : _breaker.CircuitState is CircuitState.Open or CircuitState.Isolated ? CircuitState.Open
        : _breaker.CircuitState;

    /// <summary>Runs <paramref name="call"/> through the circuit, with at most <paramref name="remaining"/> to finish.</summary>
    /// <exception cref="BrokenCircuitException">The circuit is open.</exception>
    /// <exception cref="TimeoutRejectedException">The call ran out of its time.</exception>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan remaining, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var downUntil = Interlocked.Read(ref _downUntilTicks);
        if (now < downUntil)
        {
            throw new BrokenCircuitException("The ledger database was unreachable moments ago; not calling it yet.", TimeSpan.FromTicks(downUntil - now));
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        // A deadline already past still gets a moment, so the call fails as DEADLINE_EXCEEDED, not as a bad timeout.
        context.Properties.Set(Remaining, remaining > TimeSpan.FromMilliseconds(10) ? remaining : TimeSpan.FromMilliseconds(10));
        try
        {
            return await _pipeline.ExecuteAsync(async ctx => await call(ctx.CancellationToken), context);
        }
        catch (LedgerUnavailableException)
        {
            Interlocked.Exchange(ref _downUntilTicks, _time.GetUtcNow().UtcTicks + _downFor.Ticks);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
