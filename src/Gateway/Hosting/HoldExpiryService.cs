using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Hosting;

/// <summary>Expires holds whose timeout has passed, every few seconds. Safe to run in every gateway process.</summary>
public sealed class HoldExpiryService(LedgerRuntime ledger, IOptions<LedgerOptions> options, TimeProvider time, ILogger<HoldExpiryService> logger) : BackgroundService
{
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
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HoldExpiryIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var expired = await ledger.Ledger.ExpireDueHoldsAsync(1_000, stoppingToken);
                if (expired > 0)
                {
                    logger.ExpiredHolds(expired);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be down for a while; the next tick tries again.
                logger.ExpiringHoldsFailed(exception);
            }
        }
    }
}
