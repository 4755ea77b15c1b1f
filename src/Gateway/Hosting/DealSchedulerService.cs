using EPoomasi.Ledger;
using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// Expires deals not answered or not done in time and confirms claims nobody confirmed or disputed, every few seconds.
/// Safe to run in every gateway process: each step's id comes from the deal and its version, so it is done once.
/// Every few minutes it also tells the owners of listings that expire within three days, once per expiry.
/// </summary>
public sealed class DealSchedulerService(LedgerRuntime ledger, IOptions<LedgerOptions> options, TimeProvider time, ILogger<DealSchedulerService> logger) : BackgroundService
{
    private static readonly Attribution Scheduler = new("system:deal-scheduler", null, "scheduler");
    private static readonly TimeSpan ListingNoticeInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ListingNoticeWithin = TimeSpan.FromDays(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DealSchedulerIntervalSeconds), time);
            var listingsNoticedAt = DateTimeOffset.MinValue;
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var settled = await ledger.Exchange.SettleDueDealsAsync(Scheduler, stoppingToken);
                    if (settled > 0) logger.SettledDueDeals(settled);
                    if (time.GetUtcNow() - listingsNoticedAt >= ListingNoticeInterval)
                    {
                        listingsNoticedAt = time.GetUtcNow();
                        var told = await ledger.Exchange.NoticeExpiringListingsAsync(ListingNoticeWithin, Scheduler, stoppingToken);
                        if (told > 0) logger.NoticedExpiringListings(told);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database may be down for a while; the next tick tries again.
                    logger.SettlingDueDealsFailed(exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the wait it cut short is the normal end.
        }
    }
}
