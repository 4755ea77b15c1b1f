using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EPoomasi.Gateway.Hosting;

/// <summary>Healthy while the ledger's database answers.</summary>
public sealed class DatabaseHealthCheck(LedgerRuntime ledger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await ledger.Ledger.AnswersAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The ledger database does not answer.");
}
