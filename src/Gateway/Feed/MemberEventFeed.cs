using System.Collections.Concurrent;
using EPoomasi.Exchange.Events;
using EPoomasi.Gateway.Hosting;

namespace EPoomasi.Gateway.Feed;

/// <summary>
/// What members' event streams in this process share: one poll of how far the ledger's log is sealed, waking every
/// stream waiting past it, and the pages of events read after a position, kept a little while so that streams at the
/// same position read the log once between them.
/// </summary>
public sealed class MemberEventFeed(LedgerRuntime runtime, TimeProvider time, ILogger<MemberEventFeed> logger) : BackgroundService
{
    private const int Rows = 200;
    private const int PagesKept = 64;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<long, Lazy<Task<MemberEventPage>>> _pages = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _head = -1;
    private int _waiting;

    /// <summary>Where a stream that hears only what comes next starts.</summary>
    public Task<long> PositionAsync(CancellationToken cancellationToken) => runtime.Exchange.GetEventPositionAsync(cancellationToken);

    /// <summary>Every member's events after <paramref name="after"/>; a page that moved on is shared with other streams.</summary>
    public async Task<MemberEventPage> PageAsync(long after, CancellationToken cancellationToken)
    {
        var read = _pages.GetOrAdd(after, a => new Lazy<Task<MemberEventPage>>(() => runtime.Exchange.ReadEventsAsync(a, Rows, CancellationToken.None)));
        MemberEventPage page;
        try
        {
            page = await read.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (read.Value.IsFaulted)
        {
            // A read that failed (the database was down) is not kept: the stream that resumes here reads again.
            _pages.TryRemove(new KeyValuePair<long, Lazy<Task<MemberEventPage>>>(after, read));
            throw;
        }

        // A page that found nothing new is not kept: the next look must read the log again.
        if (page.Through <= after) _pages.TryRemove(after, out _);
        if (_pages.Count > PagesKept)
        {
            foreach (var old in _pages.Keys.Order().Take(_pages.Count - PagesKept)) _pages.TryRemove(old, out _);
        }

        return page;
    }

    /// <summary>Waits until the sealed log reaches past <paramref name="position"/>.</summary>
    public async Task WaitPastAsync(long position, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                Task moved;
                lock (_gate)
                {
                    if (_head > position) return;
                    moved = _moved.Task;
                }

                await moved.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (Volatile.Read(ref _waiting) == 0) continue;
                try
                {
                    var head = await runtime.Exchange.GetEventPositionAsync(stoppingToken);
                    TaskCompletionSource? wake = null;
                    lock (_gate)
                    {
                        if (head > _head)
                        {
                            _head = head;
                            (wake, _moved) = (_moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                        }
                    }

                    wake?.TrySetResult();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database may be down for a while; streams wait, and the next tick looks again.
                    logger.ReadingMemberEventsFailed(exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the wait it cut short is the normal end.
        }
    }
}
