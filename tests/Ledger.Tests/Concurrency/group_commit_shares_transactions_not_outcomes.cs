using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Invariants;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Writing;

namespace EPoomasi.Ledger.Tests.Concurrency;

public sealed class group_commit_shares_transactions_not_outcomes(PostgresFixture postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task four_processes_committing_in_groups_never_overdraw_and_the_books_stay_sound()
    {
        await using var processes = await Processes.StartAsync(postgres, count: 4);
        var ledger = processes.First;
        await ledger.CreateDistrictAsync("mapo");
        var payer = await ledger.OpenMemberAsync("mapo", floorHours: 0);
        await ledger.SubmitOneAsync(new CreateTransfer(Guid.NewGuid(), WellKnownAccounts.Issuance("mapo"), payer, new Minutes(100), TransferCode.Welcome, "", TestLedger.Coordinator));
        var payee = await ledger.OpenMemberAsync("mapo");
        var committers = processes.All.Select(p => new GroupCommitter(p.Transfers)).ToList();
        try
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => committers[i % 4].SubmitAsync(
                [new CreateTransfer(Guid.NewGuid(), payer, payee, new Minutes(1), TransferCode.Service, "", TestLedger.Member)], CancellationToken.None))));

            Assert.Equal(100, outcomes.Count(o => o.Single().Result == TransferResult.Ok));
            Assert.Equal(200, outcomes.Count(o => o.Single().Result == TransferResult.DebitBelowFloor));
            var books = await Books.ReadAsync(ledger);
            Invariant.BalancesSumToZero(books);
            Invariant.FoldingRebuildsStoredState(books);
            Invariant.EachEffectExistsOnce(books);
        }
        finally
        {
            foreach (var committer in committers) await committer.DisposeAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task requests_sharing_a_transaction_keep_their_own_linked_chains_and_outcomes()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        await ledger.CreateDistrictAsync("mapo");
        var kim = await ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0);
        var lee = await ledger.OpenMemberAsync("mapo");
        await using var committer = new GroupCommitter(ledger.Transfers, writers: 1);

        var failing = Enumerable.Range(0, 20).Select(_ => committer.SubmitAsync(
        [
            new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(1), TransferCode.Service, "", TestLedger.Member, Linked: true),
            new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(61), TransferCode.Service, "", TestLedger.Member),
        ], CancellationToken.None)).ToList();
        var fine = Enumerable.Range(0, 20).Select(_ => committer.SubmitAsync(
            [new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(2), TransferCode.Service, "", TestLedger.Member)], CancellationToken.None)).ToList();

        Assert.All(await Task.WhenAll(failing), o => Assert.Equal([TransferResult.LinkedEventFailed, TransferResult.DebitBelowFloor], o.Select(x => x.Result)));
        Assert.All(await Task.WhenAll(fine), o => Assert.Equal(TransferResult.Ok, o.Single().Result));
        Assert.Equal(new Minutes(60 - 40), (await ledger.AccountAsync(kim)).Balance);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_request_cancelled_while_its_transaction_waits_for_a_lock_applies_nothing()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        await ledger.CreateDistrictAsync("mapo");
        var kim = await ledger.OpenMemberAsync("mapo", startHours: 1);
        var lee = await ledger.OpenMemberAsync("mapo");
        await using var committer = new GroupCommitter(ledger.Transfers, writers: 1);
        var pay = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(5), TransferCode.Service, "", TestLedger.Member);

        await using (var blocker = await AccountRowLock.TakeAsync(ledger, kim, TestContext.Current.CancellationToken))
        {
            using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => committer.SubmitAsync([pay], caller.Token));
            await blocker.ReleaseAsync(TestContext.Current.CancellationToken);
        }

        // Whatever else the committer does next, the cancelled request was never decided.
        var after = await committer.SubmitAsync([new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(1), TransferCode.Service, "", TestLedger.Member)], CancellationToken.None);
        Assert.Equal(TransferResult.Ok, after.Single().Result);
        Assert.Empty(await ledger.Reader.LookupTransfersAsync([pay.Id], CancellationToken.None));
        Assert.Equal(new Minutes(1), (await ledger.AccountAsync(lee)).Balance);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task past_its_bound_the_queue_refuses_a_request_at_once_and_applies_nothing_of_it()
    {
        await using var ledger = await TestLedger.CreateAsync(postgres);
        await ledger.CreateDistrictAsync("mapo");
        var kim = await ledger.OpenMemberAsync("mapo", startHours: 100);
        var lee = await ledger.OpenMemberAsync("mapo");
        await using var committer = new GroupCommitter(ledger.Transfers, writers: 1, maxWaitingItems: LedgerLimits.MaxBatchItems);
        CreateTransfer Pay() => new(Guid.NewGuid(), kim, lee, new Minutes(1), TransferCode.Service, "", TestLedger.Member);
        var token = TestContext.Current.CancellationToken;

        await using var blocker = await AccountRowLock.TakeAsync(ledger, kim, token);

        // The writer takes the first request and waits for the lock; the next ones fill the queue.
        var first = committer.SubmitAsync([Pay()], CancellationToken.None);
        while (committer.WaitingItems > 0) await Task.Delay(10, token);
        // A full batch (back and forth, so that no limit is reached) fills the queue to its bound.
        var backAndForth = Enumerable.Range(0, LedgerLimits.MaxBatchItems)
            .Select(i => (TransferCommand)(i % 2 == 0 ? Pay() : new CreateTransfer(Guid.NewGuid(), lee, kim, new Minutes(1), TransferCode.Service, "", TestLedger.Member)))
            .ToList();
        var queued = committer.SubmitAsync(backAndForth, CancellationToken.None);
        var refused = Pay();
        var error = await Assert.ThrowsAsync<LedgerBusyException>(() => committer.SubmitAsync([refused], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), token));
        Assert.Contains("retry shortly with the same ids", error.Message, StringComparison.Ordinal);

        await blocker.ReleaseAsync(token);
        Assert.Equal(TransferResult.Ok, (await first).Single().Result);
        Assert.All(await queued, o => Assert.Equal(TransferResult.Ok, o.Result));
        Assert.Empty(await ledger.Reader.LookupTransfersAsync([refused.Id], CancellationToken.None));
        Assert.Equal(new Minutes(1), (await ledger.AccountAsync(lee)).Balance);

        // Once the queue has drained, the same request is taken.
        Assert.Equal(TransferResult.Ok, (await committer.SubmitAsync([refused], CancellationToken.None)).Single().Result);
    }
}
