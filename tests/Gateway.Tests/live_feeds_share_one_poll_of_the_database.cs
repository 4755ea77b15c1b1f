using EPoomasi.Contracts.Ledger.V1;
using Npgsql;

namespace EPoomasi.Gateway.Tests;

public sealed class live_feeds_share_one_poll_of_the_database(GatewayFixture gateway)
{
    private const int Feeds = 100;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_hundred_waiting_feeds_cost_about_one_query_per_interval_and_each_gets_its_entry()
    {
        // A database and gateway of their own, so that the database's count of transactions is theirs alone.
        var database = "feeds" + Guid.NewGuid().ToString("N")[..8];
        await gateway.Postgres.CreateDatabaseAsync(database, null, Ct);
        var connectionString = gateway.Postgres.ConnectionString(database);
        var (app, channel, _) = await GatewayFixture.StartGatewayAsync(connectionString,
            "--Ledger:FeedPollMilliseconds=50", "--Limits:OfficialRequestsPerSecond=100000", "--Limits:MemberRequestsPerSecond=100000");
        await using var _app = app;
        using var _channel = channel;
        var district = "d" + Guid.NewGuid().ToString("N")[..12];
        var city = new AdministrationService.AdministrationServiceClient(GatewayFixture.As(channel, GatewayFixture.Administrator));
        await city.CreateDistrictAsync(new CreateDistrictRequest
            { DistrictId = district, Name = district, MemberFloorMinutes = -600, MemberCapMinutes = 6_000, MintBudgetMinutes = 600_000 }, cancellationToken: Ct);
        await city.AppointCoordinatorAsync(new AppointCoordinatorRequest { DistrictId = district, Subject = $"coordinator:{district}", Reason = "test" }, cancellationToken: Ct);
        var coordinator = GatewayFixture.As(channel, GatewayFixture.Coordinator(district));
        var accounts = Enumerable.Range(0, Feeds).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var account in accounts)
        {
            await new AdministrationService.AdministrationServiceClient(coordinator).OpenAccountAsync(
                new OpenAccountRequest { AccountId = account, DistrictId = district }, cancellationToken: Ct);
        }

        var ledger = new LedgerService.LedgerServiceClient(coordinator);
        var issuance = (await ledger.GetTrialBalanceAsync(new GetTrialBalanceRequest { DistrictId = district }, cancellationToken: Ct))
            .Accounts.Single(a => a.Kind == AccountKind.Issuance).AccountId;
        var member = new LedgerService.LedgerServiceClient(GatewayFixture.As(channel, GatewayFixture.Member(district, [.. accounts])));
        var watches = accounts.Select(account => member.WatchAccount(new WatchAccountRequest { AccountId = account }, cancellationToken: Ct)).ToList();

        await Task.Delay(2_000, Ct);
        var before = await CommittedTransactionsAsync(connectionString);
        await Task.Delay(3_000, Ct);
        var whileWaiting = await CommittedTransactionsAsync(connectionString) - before;
        var welcome = new CreateTransfersRequest();
        welcome.Transfers.AddRange(accounts.Select(account => new TransferToCreate
            { TransferId = Guid.NewGuid().ToString(), DebitAccountId = issuance, CreditAccountId = account, AmountMinutes = 1, Code = TransferCode.Welcome }));
        var outcomes = (await ledger.CreateTransfersAsync(welcome, cancellationToken: Ct)).Outcomes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var delivered = new List<string>();
        foreach (var watch in watches)
        {
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            delivered.Add(watch.ResponseStream.Current.Entry.TransferId);
            watch.Dispose();
        }

        // 60 polls in 3 s. The count also takes in the set-up's transactions that the server reports late
        // (up to 10 s for an idle connection): 583 in all when measured; feeds reading their own statements, 21,845.
        Assert.InRange(whileWaiting, 0, 3_000);
        Assert.Equal(outcomes.Select(o => o.TransferId), delivered);
    }

    private static async Task<long> CommittedTransactionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var commits = new NpgsqlCommand("select xact_commit from pg_stat_database where datname = current_database()", connection);
        return (long)(await commits.ExecuteScalarAsync(Ct))!;
    }
}
