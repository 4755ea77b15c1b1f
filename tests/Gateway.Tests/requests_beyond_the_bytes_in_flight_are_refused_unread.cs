using EPoomasi.Contracts.Ledger.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EPoomasi.Gateway.Tests;

public sealed class requests_beyond_the_bytes_in_flight_are_refused_unread(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task while_one_request_holds_the_budget_another_is_refused_at_once_and_runs_once_it_finishes()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 600);
        var lee = await Seed.MemberAsync(gateway, district);
        var (app, channel, _) = await gateway.StartAnotherAsync("--Limits:MaxRequestBytes=16384", "--Limits:MaxRequestBytesInFlight=16384");
        await using var _app = app;
        using var _channel = channel;
        var client = new LedgerService.LedgerServiceClient(channel.CreateCallInvoker().Intercept(headers =>
        {
            headers.Add("authorization", $"Bearer {GatewayFixture.Member(district, kim)}");
            return headers;
        }));
        // About 8.5 KB on the wire each: one fits in the 16 KB budget, two do not.
        CreateTransfersRequest Batch() => new()
        {
            Transfers =
            {
                Enumerable.Range(0, 70).Select(_ => new TransferToCreate
                    { TransferId = Guid.NewGuid().ToString(), DebitAccountId = kim, CreditAccountId = lee, AmountMinutes = 1, Code = TransferCode.Service }),
            },
        };

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
}
