using System.Diagnostics;
using EPoomasi.Contracts.Ledger.V1;
using EPoomasi.LocalPostgres;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// In the first seconds of an outage calls once took 0.3 to 4.3 s each and came back without RetryInfo,
/// until enough had failed to fill the circuit's sampling window. Now the first call that finds the
/// database gone opens the circuit: from the first call on, every answer is UNAVAILABLE with RetryInfo,
/// at once; and the gateway serves again by itself soon after the database is back.
/// </summary>
public sealed class the_circuit_opens_while_the_database_is_down_and_closes_by_itself
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task from_the_first_call_of_an_outage_answers_are_unavailable_with_retry_info_at_once_and_serving_resumes_after()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = await PostgresCluster.StartTemporaryAsync(ct);
        var (app, channel, _) = await GatewayFixture.StartGatewayAsync(postgres.ConnectionString());
        await using var _app = app;
        using var _channel = channel;
        var auditor = new LedgerService.LedgerServiceClient(channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", $"Bearer {GatewayFixture.Auditor}");
            return headers;
        }));
        var read = new GetTrialBalanceRequest { DistrictId = "nowhere" };
        Task<RpcException?> CallAsync() => ErrorOf(() => auditor.GetTrialBalanceAsync(read, cancellationToken: ct).ResponseAsync);

        var whileUp = await CallAsync();
        await postgres.StopAsync();
        var outage = Stopwatch.StartNew();
        var whileDown = new List<(RpcException? Error, TimeSpan Took)>();
        while (outage.Elapsed < TimeSpan.FromSeconds(3))
        {
            var call = Stopwatch.StartNew();
            whileDown.Add((await CallAsync(), call.Elapsed));
            // 50 calls a second: well under an auditor's rate limit.
            await Task.Delay(20, ct);
        }

        await postgres.RestartAsync(ct);
        var back = Stopwatch.StartNew();
        var afterRestart = await CallAsync();
        while (afterRestart?.StatusCode == StatusCode.Unavailable && back.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, ct);
            afterRestart = await CallAsync();
        }

        var serving = back.Elapsed;
        await app.StopAsync(ct);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"outage: {whileDown.Count} calls in 3 s, slowest {whileDown.Max(c => c.Took).TotalMilliseconds:0} ms, first {whileDown[0].Took.TotalMilliseconds:0} ms; serving {serving.TotalMilliseconds:0} ms after the restart");
        Assert.Equal(StatusCode.NotFound, whileUp?.StatusCode);
        Assert.All(whileDown, c => Assert.Equal(StatusCode.Unavailable, c.Error?.StatusCode));
        Assert.All(whileDown, c => Assert.NotNull(c.Error!.GetRpcStatus()?.GetDetail<RetryInfo>()));
        // Calls answered from the open circuit take no time. Once a second a call tries the database again, and
        // that one costs what finding it gone costs (0.4 s on a quiet machine; Marten retries its connection,
        // up to 2.4 s under a loaded test run): every answer stays well inside a client's deadline.
        var atOnce = whileDown.Count(c => c.Took < TimeSpan.FromMilliseconds(100));
        Assert.True(atOnce * 2 > whileDown.Count, $"Only {atOnce} of {whileDown.Count} answers during the outage came at once.");
        Assert.True(whileDown.Max(c => c.Took) < TimeSpan.FromSeconds(5), $"Slowest answer during the outage: {whileDown.Max(c => c.Took)}.");
        Assert.Equal(StatusCode.NotFound, afterRestart?.StatusCode);
        Assert.True(serving < TimeSpan.FromSeconds(5), $"Serving again {serving} after the database was back.");
    }

    private static async Task<RpcException?> ErrorOf(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (RpcException error)
        {
            return error;
        }
    }
}
