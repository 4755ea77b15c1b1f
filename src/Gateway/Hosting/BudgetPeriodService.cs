namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// Starts each district's new mint budget period (a month or a year, in Seoul time) soon after it begins: checked
/// every minute. Safe to run in every gateway process: a period is opened once, by whichever notices first.
/// </summary>
public sealed class BudgetPeriodService(LedgerRuntime ledger, TimeProvider time, ILogger<BudgetPeriodService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var opened = await ledger.Ledger.OpenMintBudgetPeriodsAsync(stoppingToken);
                    if (opened > 0) logger.OpenedBudgetPeriods(opened);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database may be down for a while; the next tick tries again.
                    logger.OpeningBudgetPeriodsFailed(exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the wait it cut short is the normal end.
        }
    }
}
