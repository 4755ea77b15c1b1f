using System.Net;
using EPoomasi.Contracts.Ledger.V1;
using Google.Rpc;
using Grpc.Core;
using Npgsql;

namespace EPoomasi.Gateway.Tests;

public sealed class abuse_is_limited_per_caller(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_member_over_their_rate_gets_resource_exhausted_with_when_to_retry_and_others_are_unaffected()
    {
        var district = await Seed.DistrictAsync(gateway);
        var account = await Seed.MemberAsync(gateway, district);
        var (app, channel, http) = await gateway.StartAnotherAsync("--Limits:MemberRequestsPerSecond=1");
        await using var _ = app;
        using var __ = channel;
        var member = new LedgerService.LedgerServiceClient(GatewayFixture.As(channel, GatewayFixture.Member(district, account)));
        var auditor = new LedgerService.LedgerServiceClient(GatewayFixture.As(channel, GatewayFixture.Auditor));
        var read = new GetAccountRequest { AccountId = account };

        // The bucket holds two requests and refills one per second: of twenty sent at once, however slow the
        // machine, most are refused.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await member.GetAccountAsync(read, cancellationToken: Ct);
                return null;
            }
            catch (RpcException refused)
            {
                return refused;
            }
        }));
        var someoneElse = await auditor.GetAccountAsync(read, cancellationToken: Ct);

        var refusals = attempts.OfType<RpcException>().ToList();
        Assert.InRange(refusals.Count, 10, 19);
        Assert.All(refusals, r => Assert.Equal(StatusCode.ResourceExhausted, r.StatusCode));
        var retry = refusals[0].GetRpcStatus()!.GetDetail<RetryInfo>();
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(0, someoneElse.Account.BalanceMinutes);

        using var json = new HttpClient { BaseAddress = http };
        json.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Member(district, account));
        var overHttp = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => json.GetAsync(new Uri($"/v1/accounts/{account}", UriKind.Relative), Ct)));
        var tooMany = overHttp.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(tooMany.Count, 10, 20);
        Assert.All(tooMany, r => Assert.NotNull(r.Headers.RetryAfter));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_call_without_a_deadline_gets_the_default_one_and_is_cut_off_at_the_database()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var lee = await Seed.MemberAsync(gateway, district);
        var (app, channel, _) = await gateway.StartAnotherAsync("--Limits:DefaultDeadlineSeconds=1");
        await using var _app = app;
        using var _channel = channel;
        var client = new LedgerService.LedgerServiceClient(GatewayFixture.As(channel, GatewayFixture.Member(district, kim)));

        await using var kimsRow = await AccountRowLock.TakeAsync(gateway, kim, Ct);

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<RpcException>(() => client.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { new TransferToCreate
            { TransferId = Guid.NewGuid().ToString(), DebitAccountId = kim, CreditAccountId = lee, AmountMinutes = 5, Code = TransferCode.Service } } }, cancellationToken: Ct).ResponseAsync);
        await kimsRow.ReleaseAsync(Ct);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task an_auditors_read_of_the_whole_ledger_is_not_cut_off_by_the_default_deadline()
    {
        var (app, channel, _) = await gateway.StartAnotherAsync("--Limits:DefaultDeadlineSeconds=1");
        await using var _app = app;
        using var _channel = channel;
        var audit = new AuditService.AuditServiceClient(GatewayFixture.As(channel, GatewayFixture.Auditor));

        // Another session holds the chain's table, as a long verify of a large ledger would keep the call busy.
        await using var connection = new NpgsqlConnection(gateway.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        var holding = await connection.BeginTransactionAsync(Ct);
        await using (var take = new NpgsqlCommand("lock table ledger.journal_links in access exclusive mode", connection, holding))
        {
            await take.ExecuteNonQueryAsync(Ct);
        }

        var started = DateTime.UtcNow;
        var verifying = audit.VerifyJournalAsync(new VerifyJournalRequest(), cancellationToken: Ct).ResponseAsync;
        // Past the default deadline, on purpose: the call must outlive it.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        await holding.CommitAsync(Ct);

        var verified = await verifying;
        Assert.True(verified.Holds);
        Assert.True(DateTime.UtcNow - started > TimeSpan.FromSeconds(2));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task oversized_messages_and_batches_are_refused_before_they_reach_the_ledger()
    {
        var district = await Seed.DistrictAsync(gateway);
        var kim = await Seed.MemberAsync(gateway, district, welcomeMinutes: 60);
        var (app, channel, _) = await gateway.StartAnotherAsync("--Limits:MaxRequestBytes=4096");
        await using var _app = app;
        using var _channel = channel;
        var client = new LedgerService.LedgerServiceClient(GatewayFixture.As(channel, GatewayFixture.Member(district, kim)));
        TransferToCreate Item() => new() { TransferId = Guid.NewGuid().ToString(), DebitAccountId = kim, CreditAccountId = kim, AmountMinutes = 1, Code = TransferCode.Service };

        var big = new CreateTransfersRequest();
        big.Transfers.AddRange(Enumerable.Range(0, 100).Select(_ => Item()));
        var tooLarge = await Assert.ThrowsAsync<RpcException>(() => client.CreateTransfersAsync(big, cancellationToken: Ct).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member(district, kim)).CreateTransfersAsync(new CreateTransfersRequest(), cancellationToken: Ct).ResponseAsync);
        var tooMany = new CreateTransfersRequest();
        tooMany.Transfers.AddRange(Enumerable.Range(0, 8_001).Select(_ => Item()));
        var overBatch = await Assert.ThrowsAsync<RpcException>(() => gateway.Ledger(GatewayFixture.Member(district, kim)).CreateTransfersAsync(tooMany, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, tooLarge.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (empty.StatusCode, overBatch.StatusCode));
        Assert.Contains("Between 1 and 8000 items", overBatch.Status.Detail, StringComparison.Ordinal);
    }
}
