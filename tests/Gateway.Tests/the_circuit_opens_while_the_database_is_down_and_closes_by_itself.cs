using System.Diagnostics;
using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.LocalPostgres;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EPoomasi.Gateway.Tests;

public sealed class the_circuit_opens_while_the_database_is_down_and_closes_by_itself
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task calls_get_unavailable_the_circuit_then_answers_at_once_and_after_a_restart_calls_succeed_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await PostgresCluster.StartTemporaryAsync(ct);
        var (app, channel, _) = await GatewayFixture.StartGatewayAsync(postgres.ConnectionString(), "--Resilience:MinimumThroughput=3", "--Resilience:BreakSeconds=2");
        await using var _app = app;
        using var _channel = channel;
        var auditor = new LedgerService.LedgerServiceClient(channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", $"Bearer {GatewayFixture.Auditor}");
            return headers;
        }));
        var read = new GetTrialBalanceRequest { DistrictId = "mapo" };

        var whileUp = await Status(() => auditor.GetTrialBalanceAsync(read, cancellationToken: ct).ResponseAsync);
        await postgres.StopAsync();
        var whileDown = new List<StatusCode>();
        for (var i = 0; i < 4; i++)
        {
            whileDown.Add(await Status(() => auditor.GetTrialBalanceAsync(read, cancellationToken: ct).ResponseAsync));
        }

        var clock = Stopwatch.StartNew();
        var open = await Assert.ThrowsAsync<RpcException>(() => auditor.GetTrialBalanceAsync(read, cancellationToken: ct).ResponseAsync);
        var openAnswerTime = clock.Elapsed;
        await postgres.RestartAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(2.5), ct);
        var recovered = await RetryAsync(() => Status(() => auditor.GetTrialBalanceAsync(read, cancellationToken: ct).ResponseAsync), ct);
        await app.StopAsync(ct);

        Assert.Equal(StatusCode.NotFound, whileUp);
        Assert.All(whileDown, status => Assert.Equal(StatusCode.Unavailable, status));
        Assert.Equal(StatusCode.Unavailable, open.StatusCode);
        Assert.Contains("circuit open", open.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(open.GetRpcStatus()!.GetDetail<RetryInfo>());
        Assert.True(openAnswerTime < TimeSpan.FromMilliseconds(500), $"The open circuit took {openAnswerTime} to answer.");
        Assert.Equal(StatusCode.NotFound, recovered);
    }

    private static async Task<StatusCode> Status(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }

    // The first calls after a restart may meet connections the restart broke; the ledger retries
    // those, and the circuit lets one trial call through at a time, so allow a few seconds.
    private static async Task<StatusCode> RetryAsync(Func<Task<StatusCode>> call, CancellationToken cancellationToken)
    {
        var status = StatusCode.Unavailable;
        for (var attempt = 0; attempt < 10 && status == StatusCode.Unavailable; attempt++)
        {
            status = await call();
            if (status == StatusCode.Unavailable)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        return status;
    }
}
