using System.Collections.Concurrent;
using EPoomasi.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Feed;

/// <summary>
/// Wakes the live feeds of this process when their accounts move, all with one query per poll
/// interval: it reads the versions of every account being watched and wakes each feed whose account
/// is past the version it has read; that feed then reads its new entries. Before, every feed read its
/// own statement every interval, two queries each, so a thousand members watching cost the database
/// eight thousand queries a second doing nothing. Versions are read from the database, so changes
/// made by any gateway process are seen.
/// </summary>
public sealed class AccountChanges(LedgerRuntime ledger, IOptions<LedgerOptions> options, TimeProvider time, ILogger<AccountChanges> logger) : BackgroundService
{
    // One query reads at most this many accounts' versions; more watched accounts take more queries.
    private const int AccountsPerQuery = 5_000;

    private readonly ConcurrentDictionary<Waiter, byte> _waiting = new();

    /// <summary>Completes with the account's version once it is past <paramref name="seenVersion"/>.</summary>
    public async Task<long> WaitPastAsync(Guid accountId, long seenVersion, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(accountId, seenVersion);
        _waiting[waiter] = 0;
        try
        {
            await using var registration = cancellationToken.Register(() => waiter.Moved.TrySetCanceled(cancellationToken));
            return await waiter.Moved.Task;
        }
        finally
        {
            _waiting.TryRemove(waiter, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping or being disposed: the wait it cut short is the normal end.
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.FeedPollMilliseconds), time);
        var failing = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var waiting = _waiting.Keys.ToList();
            foreach (var accounts in waiting.Select(w => w.AccountId).Distinct().Chunk(AccountsPerQuery))
            {
                try
                {
                    var versions = await ledger.Ledger.GetVersionsAsync(accounts, stoppingToken);
                    failing = false;
                    foreach (var waiter in waiting)
                    {
                        if (versions.TryGetValue(waiter.AccountId, out var version) && version > waiter.SeenVersion)
                        {
                            waiter.Moved.TrySetResult(version);
                        }
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database may be down for a while: feeds keep waiting, the next tick tries again,
                    // and the log says so once, not four times a second.
                    if (!failing)
                    {
                        logger.WatchingAccountsFailed(exception);
                    }

                    failing = true;
                }
            }
        }
    }

    private sealed class Waiter(Guid accountId, long seenVersion)
    {
        public Guid AccountId { get; } = accountId;

        public long SeenVersion { get; } = seenVersion;

        public TaskCompletionSource<long> Moved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
