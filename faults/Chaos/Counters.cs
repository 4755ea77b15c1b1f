using System.Collections.Concurrent;

namespace EPoomasi.Chaos;

/// <summary>What the run did and found, counted from every worker at once.</summary>
public sealed class Counters
{
    private long _operations;
    private long _acknowledged;
    private long _sent;
    private long _retried;
    private long _resolved;

    public ConcurrentQueue<string> Violations { get; } = new();

    public ConcurrentDictionary<string, long> Outcomes { get; } = new();

    public long Operations => Interlocked.Read(ref _operations);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Requests => Interlocked.Read(ref _sent);

    public long Retries => Interlocked.Read(ref _retried);

    public long UnknownThenResolved => Interlocked.Read(ref _resolved);

    public void Attempted() => Interlocked.Increment(ref _operations);

    public void Acknowledge(string outcome)
    {
        Interlocked.Increment(ref _acknowledged);
        Outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Retried() => Interlocked.Increment(ref _retried);

    public void ResolvedAfterRetrying() => Interlocked.Increment(ref _resolved);

    public void Violation(string what) => Violations.Enqueue(what);
}
