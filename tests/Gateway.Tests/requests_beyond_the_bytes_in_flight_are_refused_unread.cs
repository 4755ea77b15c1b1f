using EPoomasi.Contracts.Ledger.V1;
using Google.Rpc;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

public sealed class requests_beyond_the_bytes_in_flight_are_refused_unread(GatewayFixture gateway)
{
    private const string Budget = "16384";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task while_one_request_holds_the_budget_another_is_refused_at_once_and_runs_once_it_finishes()
    {
        var (district, kim, lee) = await MembersAsync();
        var (app, channel, _) = await gateway.StartAnotherAsync($"--Limits:MaxRequestBytes={Budget}", $"--Limits:MaxRequestBytesInFlight={Budget}");
        await using var _app = app;
        using var _channel = channel;
        var client = Client(channel, district, kim, lee);
        // About 8.5 KB on the wire each: one fits in the 16 KB budget, two do not.
        CreateTransfersRequest Batch() => Payments(kim, lee, 70);

        await using var kimsRow = await AccountRowLock.TakeAsync(gateway, kim, Ct);
        var first = client.CreateTransfersAsync(Batch(), cancellationToken: Ct).ResponseAsync;
        await kimsRow.WaitForAWaiterAsync(Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.CreateTransfersAsync(Batch(), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: Ct).ResponseAsync);
        await kimsRow.ReleaseAsync(Ct);
        var firstDone = await first;
        var afterwards = await client.CreateTransfersAsync(Batch(), cancellationToken: Ct);
        var balance = await client.GetAccountAsync(new GetAccountRequest { AccountId = kim }, cancellationToken: Ct);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("was not read", refused.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(refused.GetRpcStatus()!.GetDetail<RetryInfo>());
        Assert.All(firstDone.Outcomes.Concat(afterwards.Outcomes), outcome => Assert.Equal(TransferResult.Ok, outcome.Result));
        Assert.Equal(600 - 140, balance.Account.BalanceMinutes);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_compressed_request_counts_as_the_largest_allowed_however_small_it_is()
    {
        var (district, kim, lee) = await MembersAsync();
        var (app, channel, _) = await gateway.StartAnotherAsync($"--Limits:MaxRequestBytes={Budget}", $"--Limits:MaxRequestBytesInFlight={Budget}");
        await using var _app = app;
        using var _channel = channel;
        var client = Client(channel, district, kim, lee);
        var gzip = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        await using var kimsRow = await AccountRowLock.TakeAsync(gateway, kim, Ct);
        var compressed = client.CreateTransfersAsync(Payments(kim, lee, 1), gzip, cancellationToken: Ct).ResponseAsync;
        await kimsRow.WaitForAWaiterAsync(Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.CreateTransfersAsync(Payments(lee, kim, 1), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: Ct).ResponseAsync);
        await kimsRow.ReleaseAsync(Ct);
        var done = await compressed;

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Equal(TransferResult.Ok, done.Outcomes.Single().Result);
    }

    private async Task<(string District, string Kim, string Lee)> MembersAsync()
    {
        var district = await Seed.DistrictAsync(gateway);
        return (district, await Seed.MemberAsync(gateway, district, welcomeMinutes: 600), await Seed.MemberAsync(gateway, district));
    }

    private static LedgerService.LedgerServiceClient Client(Grpc.Net.Client.GrpcChannel channel, string district, params string[] accounts) =>
        new(GatewayFixture.As(channel, GatewayFixture.Member(district, accounts)));

    private static CreateTransfersRequest Payments(string from, string to, int count) => new()
    {
        Transfers =
        {
            Enumerable.Range(0, count).Select(_ => new TransferToCreate
                { TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to, AmountMinutes = 1, Code = TransferCode.Service }),
        },
    };
}
