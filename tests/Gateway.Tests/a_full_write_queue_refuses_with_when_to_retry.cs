using EPoomasi.Contracts.Ledger.V1;
using Google.Rpc;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

public sealed class a_full_write_queue_refuses_with_when_to_retry(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task past_the_items_waiting_for_a_transaction_a_batch_is_refused_unapplied_and_succeeds_when_retried()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var park = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var client = gateway.Ledger(GatewayFixture.Member(district, kim, lee, park));
        // Lee and Park pay each other a minute back and forth: every item is accepted, and balances end where they began.
        CreateTransfersRequest BackAndForth() => new()
        {
            Transfers =
            {
                Enumerable.Range(0, 8_000).Select(i => new TransferToCreate
                {
                    TransferId = Guid.NewGuid().ToString(), DebitAccountId = i % 2 == 0 ? lee : park, CreditAccountId = i % 2 == 0 ? park : lee,
                    AmountMinutes = 1, Code = TransferCode.Service,
                }),
            },
        };

        await using var kimsRow = await AccountRowLock.TakeAsync(gateway, kim, Ct);

        // The writer takes the first request and waits on Kim's row; two batches then wait in the queue.
        var stuck = Seed.PayAsync(gateway, GatewayFixture.Member(district, kim), kim, lee, 5);
        await kimsRow.WaitForAWaiterAsync(Ct);
        var queued = new[] { BackAndForth(), BackAndForth() }.Select(r => client.CreateTransfersAsync(r, cancellationToken: Ct).ResponseAsync).ToList();
        await WaitUntilAsync(() => gateway.WaitingItems() >= 16_000);
        var refusedBatch = BackAndForth();
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.CreateTransfersAsync(refusedBatch, cancellationToken: Ct).ResponseAsync);
        await kimsRow.ReleaseAsync(Ct);
        await stuck;
        await Task.WhenAll(queued);
        var retried = await client.CreateTransfersAsync(refusedBatch, cancellationToken: Ct);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.NotNull(refused.GetRpcStatus()!.GetDetail<RetryInfo>());
        Assert.All(retried.Outcomes, outcome => Assert.Equal((TransferResult.Ok, false), (outcome.Result, outcome.Replayed)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 400 && !condition(); attempt++)
        {
            await Task.Delay(25, Ct);
        }

        Assert.True(condition(), "The write queue did not fill within 10 s.");
    }
}
