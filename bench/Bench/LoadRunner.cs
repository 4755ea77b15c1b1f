using System.Diagnostics;
using Grpc.Core;

namespace EPoomasi.Bench;

/// <summary>
/// Runs one scenario: <c>concurrency</c> workers each keep one request in flight (or share a fixed
/// rate), the warm-up is discarded, and every measured request's latency is kept for percentiles.
/// </summary>
internal static class LoadRunner
{
    public static async Task<ScenarioResult> RunAsync(string scenario, BenchWorld world, BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var concurrency = options.Concurrency.GetValueOrDefault(scenario, 16);
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var measured = TimeSpan.FromSeconds(options.Seconds);
        var clock = Stopwatch.StartNew();
        var startedAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var counters = new Counters();
        var latencies = new List<SlowRequest>[concurrency];
        var pacing = options.RatePerSecond > 0 ? TimeSpan.FromSeconds((double)concurrency / options.RatePerSecond) : TimeSpan.Zero;

        using var reporting = new CancellationTokenSource();
        var reporter = ReportProgressAsync(scenario, counters, clock, warmup, measured, progress, reporting.Token);
        await Parallel.ForAsync(0, concurrency, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (worker, ct) =>
        {
            var random = new Random(worker * 7919 + Environment.TickCount);
            var mine = latencies[worker] = [];
            // At a fixed rate the workers take turns, spread evenly over each pacing interval; started
            // together they would send in bursts of one request per worker, and each burst would queue.
            var next = clock.Elapsed + pacing * worker / concurrency;
            while (clock.Elapsed < warmup + measured && (options.UntilTransfers == 0 || counters.Ok < options.UntilTransfers))
            {
                if (pacing > TimeSpan.Zero)
                {
                    next += pacing;
                    var wait = next - clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                }

                var started = clock.Elapsed;
                var counted = started >= warmup;
                try
                {
                    var (ok, rejected) = await Scenarios.SendAsync(scenario, world, random, options.BatchSize, ct);
                    var elapsed = clock.Elapsed - started;
                    if (!counted) continue;
                    mine.Add(new SlowRequest(startedAt + started.TotalSeconds, elapsed.TotalMilliseconds));
                    counters.Add(1, ok, rejected, 0);
                }
                catch (RpcException) when (!ct.IsCancellationRequested)
                {
                    if (counted) counters.Add(1, 0, 0, 1);
                }
            }
        });
        await reporting.CancelAsync();
        await reporter;

        var requests = latencies.Where(l => l is not null).SelectMany(l => l).OrderBy(r => r.Milliseconds).ToArray();
        var all = requests.Select(r => r.Milliseconds).ToArray();
        // A run that stops at a number of transfers measured only as long as it took.
        var seconds = Math.Min(measured.TotalSeconds, Math.Max(0.001, (clock.Elapsed - warmup).TotalSeconds));
        return new ScenarioResult(scenario, concurrency, seconds, counters.Requests, counters.Ok, counters.Rejected, counters.Errors,
            counters.Ok / seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1],
            startedAt + warmup.TotalSeconds, startedAt + clock.Elapsed.TotalSeconds, requests.TakeLast(SlowestKept).Reverse().ToList());
    }

    private const int SlowestKept = 40;

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static async Task ReportProgressAsync(string scenario, Counters counters, Stopwatch clock, TimeSpan warmup, TimeSpan measured, TextWriter progress, CancellationToken cancellationToken)
    {
        var last = 0L;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var ok = counters.Ok;
                var phase = clock.Elapsed < warmup ? "warming up" : $"{(clock.Elapsed - warmup).TotalSeconds:0}/{measured.TotalSeconds:0} s";
                await progress.WriteLineAsync($"  {scenario,-7} {phase,-12} {ok - last,8:N0} transfers/s   {ok,10:N0} so far   {counters.Errors:N0} errors");
                last = ok;
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private sealed class Counters
    {
        private long _requests, _ok, _rejected, _errors;

        public long Requests => Interlocked.Read(ref _requests);
        public long Ok => Interlocked.Read(ref _ok);
        public long Rejected => Interlocked.Read(ref _rejected);
        public long Errors => Interlocked.Read(ref _errors);

        public void Add(long requests, long ok, long rejected, long errors)
        {
            Interlocked.Add(ref _requests, requests);
            Interlocked.Add(ref _ok, ok);
            Interlocked.Add(ref _rejected, rejected);
            Interlocked.Add(ref _errors, errors);
        }
    }
}
