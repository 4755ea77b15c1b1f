using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Writing;

namespace EPoomasi.Ledger.Telemetry;

/// <summary>
/// What the ledger tells an operator, through .NET's own <see cref="Meter"/> and <see cref="ActivitySource"/>: a host
/// exports them (the gateway with OpenTelemetry); with no listener they cost next to nothing. Every name is under
/// <c>epoomasi.ledger</c>.
/// </summary>
internal static class LedgerTelemetry
{
    /// <summary>The meter's and the activity source's name, for a host to listen to (<see cref="LedgerModule.TelemetrySources"/>).</summary>
    public const string Name = "EPoomasi.Ledger";

    /// <summary>The database driver's meter and activity source: its spans are the statements of the ledger's transactions.</summary>
    public const string Database = "Npgsql";

    /// <summary>Spans of the ledger's writes: each caller's wait for its transaction, and each transaction, linked to the callers it served.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly ConcurrentDictionary<GroupCommitter, byte> Committers = new();

    /// <summary>Transfers, holds, posts and voids decided, by their result: <c>Ok</c>, or the refusal's code.</summary>
    public static readonly Counter<long> Transfers = Meter.CreateCounter<long>("epoomasi.ledger.transfers", "{transfer}", "Transfers, holds, posts and voids decided, by result");

    /// <summary>Items (transfers and module commands) in each write transaction.</summary>
    public static readonly Histogram<int> GroupCommitSize = Meter.CreateHistogram<int>(
        "epoomasi.ledger.group_commit.size", "{item}", "Items decided in one write transaction",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000] });

    /// <summary>How long a request waited from joining the write queue to its outcome.</summary>
    public static readonly Histogram<double> GroupCommitWait = Meter.CreateHistogram<double>(
        "epoomasi.ledger.group_commit.wait", "ms", "Time from a request joining the write queue to its outcome",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 5_000] });

    /// <summary>Holds the ledger expired past their timeout.</summary>
    public static readonly Counter<long> HoldsExpired = Meter.CreateCounter<long>("epoomasi.ledger.holds.expired", "{hold}", "Holds expired past their timeout");

    static LedgerTelemetry()
    {
        Meter.CreateObservableGauge("epoomasi.ledger.write_queue.depth", () => (long)Committers.Keys.Sum(c => c.WaitingItems), "{item}", "Items waiting for a write transaction");
    }

    internal static void Track(GroupCommitter committer) => Committers.TryAdd(committer, 0);

    internal static void Forget(GroupCommitter committer) => Committers.TryRemove(committer, out _);

    internal static void Decided(IEnumerable<TransferOutcome> outcomes)
    {
        if (!Transfers.Enabled) return;
        foreach (var outcome in outcomes) Transfers.Add(1, new KeyValuePair<string, object?>("result", outcome.Result.ToString()));
    }
}
