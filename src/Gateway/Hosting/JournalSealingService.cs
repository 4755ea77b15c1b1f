using Microsoft.Extensions.Options;

namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// Seals the journal every few hundred milliseconds, after commit and off the write path. Safe to run in
/// every gateway process: sealers take turns and each continues from the chain's head (see <c>JournalSealer</c>).
/// </summary>
public sealed class JournalSealingService(LedgerRuntime ledger, IOptions<LedgerOptions> options, TimeProvider time, ILogger<JournalSealingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.SealIntervalMilliseconds), time);
            var failing = false;
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ledger.Ledger.SealJournalAsync(stoppingToken);
                    Telemetry.GatewayTelemetry.Sealed();
                    failing = false;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database may be down for a while; the next tick continues from the chain's head.
                    // Said once per outage, not four times a second.
                    if (!failing) logger.SealingFailed(exception);
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the wait it cut short is the normal end.
        }
    }
}
