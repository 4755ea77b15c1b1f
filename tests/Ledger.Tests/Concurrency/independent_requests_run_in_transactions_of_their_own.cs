using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Writing;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Concurrency;

public sealed class independent_requests_run_in_transactions_of_their_own(PostgresFixture postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_request_commits_while_another_in_its_group_waits_for_a_lock_it_does_not_need()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        var (kimPays, parkPays) = await TwoUnrelatedPaymentsAsync(ledger);
        var token = TestContext.Current.CancellationToken;

        await using var blocker = await AccountRowLock.TakeAsync(ledger, kimPays.DebitAccountId, token);
        var both = ledger.Transfers.SubmitManyAsync([[kimPays], [parkPays]], token);

        await CommittedAsync(ledger, parkPays.Id, token);
        Assert.False(both.IsCompleted);
        await blocker.ReleaseAsync(token);
        Assert.All(await both, outcomes => Assert.Equal(TransferResult.Ok, outcomes.Single().Result));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task when_one_transaction_fails_only_the_requests_with_items_in_it_learn_of_it()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        var (kimPays, parkPays) = await TwoUnrelatedPaymentsAsync(ledger);
        var token = TestContext.Current.CancellationToken;

        await using var blocker = await AccountRowLock.TakeAsync(ledger, kimPays.DebitAccountId, token);
        var both = ledger.Transfers.SubmitEachAsync([[kimPays], [parkPays]], [null, null], _ => false, token);
        await CommittedAsync(ledger, parkPays.Id, token);
        await CancelTheWaitingStatementAsync(ledger, token);

        var results = await both;
        var failure = Assert.IsType<PostgresException>(results[0].Failure);
        Assert.Equal(PostgresErrorCodes.QueryCanceled, failure.SqlState);
        Assert.Null(results[1].Failure);
        Assert.Equal(TransferResult.Ok, results[1].Outcomes!.Single().Result);
        Assert.Empty(await ledger.Reader.LookupTransfersAsync([kimPays.Id], token));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_group_smaller_than_the_split_threshold_stays_one_transaction()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        var (kimPays, parkPays) = await TwoUnrelatedPaymentsAsync(ledger);
        var writer = new TransferWriter(ledger.Store, parallelTransactions: 2, minItemsToSplit: 3);
        var token = TestContext.Current.CancellationToken;

        await using var blocker = await AccountRowLock.TakeAsync(ledger, kimPays.DebitAccountId, token);
        var both = writer.SubmitManyAsync([[kimPays], [parkPays]], token);

        // Park's payment shares nothing with Kim's, but with the two in one transaction it waits for Kim's lock.
        await LockWaiters.UntilSomeoneWaitsAsync(ledger.ConnectionString, token);
        // Not a wait for something to happen but a window for something that must not: had Park's payment a
        // transaction of its own, it would commit within it.
        await Task.Delay(TimeSpan.FromMilliseconds(300), token);
        Assert.Empty(await ledger.Reader.LookupTransfersAsync([parkPays.Id], token));
        await blocker.ReleaseAsync(token);
        Assert.All(await both, outcomes => Assert.Equal(TransferResult.Ok, outcomes.Single().Result));
    }

    private static async Task<(CreateTransfer KimPays, CreateTransfer ParkPays)> TwoUnrelatedPaymentsAsync(TestLedger ledger)
    {
        await ledger.CreateDistrictAsync("mapo");
        var kim = await ledger.OpenMemberAsync("mapo", startHours: 1);
        var lee = await ledger.OpenMemberAsync("mapo");
        var park = await ledger.OpenMemberAsync("mapo", startHours: 1);
        var choi = await ledger.OpenMemberAsync("mapo");
        return (new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(5), TransferCode.Service, "", TestLedger.Member),
                new CreateTransfer(Guid.NewGuid(), park, choi, new Minutes(5), TransferCode.Service, "", TestLedger.Member));
    }

    private static async Task CommittedAsync(TestLedger ledger, Guid transferId, CancellationToken token)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
        patience.CancelAfter(TimeSpan.FromSeconds(20));
        while ((await ledger.Reader.LookupTransfersAsync([transferId], patience.Token)).Count == 0)
        {
            await Task.Delay(20, patience.Token);
        }
    }

    // As an operator's pg_cancel_backend would: an error that is neither a lost race nor a lost connection, so not retried.
    private static async Task CancelTheWaitingStatementAsync(TestLedger ledger, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(ledger.ConnectionString);
        await connection.OpenAsync(token);
        await using var cancel = new NpgsqlCommand(
            "select count(pg_cancel_backend(pid)) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%for update%'",
            connection);
        Assert.Equal(1L, await cancel.ExecuteScalarAsync(token));
    }
}
