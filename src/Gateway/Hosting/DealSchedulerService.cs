using EPoomasi.Ledger;
using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// Expires deals not answered or not done in time and confirms claims nobody confirmed or disputed, every few seconds.
/// Safe to run in every gateway process: each step's id comes from the deal and its version, so it is done once.
/// </summary>
public sealed class DealSchedulerService(LedgerRuntime ledger, IOptions<LedgerOptions> options, TimeProvider time, ILogger<DealSchedulerService> logger) : BackgroundService
{
    private static readonly Attribution Scheduler = new("system:deal-scheduler", null, "scheduler");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DealSchedulerIntervalSeconds), time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var settled = await ledger.Exchange.SettleDueDealsAsync(Scheduler, stoppingToken);
                    if (settled > 0) logger.SettledDueDeals(settled);
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
