using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// The README once promised that nothing of a call past its deadline is applied; in fact a 1,000-item
/// batch with a 100 ms deadline was applied in full. The promise now is that the outcome is unknown and
/// that sending the same request again settles it: every item answers its outcome, each applied once.
/// </summary>
public sealed class a_call_past_its_deadline_is_settled_by_sending_it_again(GatewayFixture gateway)
{
    [Theory(Timeout = TestTimeouts.Default)]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(150)]
    public async Task whatever_part_of_it_was_applied(int deadlineMilliseconds)
    {
        var ct = TestContext.Current.CancellationToken;
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 6_000);
        var lee = await Seed.MemberAsync(gateway, district);
        var client = gateway.Ledger(GatewayFixture.Member(district, kim, lee));
        var batch = new CreateTransfersRequest
        {
            Transfers =
            {
                Enumerable.Range(0, 1_000).Select(_ => new TransferToCreate
                {
                    TransferId = Guid.NewGuid().ToString(), DebitAccountId = kim, CreditAccountId = lee, AmountMinutes = 1, Code = TransferCode.Service,
                }),
            },
        };

        StatusCode first;
        try
        {
            await client.CreateTransfersAsync(batch, deadline: DateTime.UtcNow.AddMilliseconds(deadlineMilliseconds), cancellationToken: ct);
            first = StatusCode.OK;
        }
        catch (RpcException error)
        {
            first = error.StatusCode;
        }

        var again = await client.CreateTransfersAsync(batch, cancellationToken: ct);
        var lees = await client.GetAccountAsync(new GetAccountRequest { AccountId = lee }, cancellationToken: ct);

        Assert.Contains(first, new[] { StatusCode.OK, StatusCode.DeadlineExceeded });
        Assert.All(again.Outcomes, o => Assert.Equal(TransferResult.Ok, o.Result));
        Assert.Equal(1_000, lees.Account.BalanceMinutes);
        if (first == StatusCode.OK)
        {
            Assert.All(again.Outcomes, o => Assert.True(o.Replayed));
        }
    }
}
