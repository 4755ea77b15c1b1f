using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Tests.Modules.TinyExchange;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Modules;

// Between the two steps of an acceptance — the ledger has decided the hold, the deal has not yet changed — the
// module crashes, or the process holding the transaction dies. Neither the hold nor the deal's change may exist
// without the other, and the same command, sent again, does both exactly once.
public sealed class a_crash_between_steps_leaves_neither_the_deal_nor_its_hold(PostgresFixture postgres) : ModuleTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_module_throwing_after_the_hold_is_decided_leaves_neither()
    {
        var dealId = await ProposeAsync();
        var accept = new AcceptDeal(Guid.NewGuid(), Receiver, dealId);
        Decider.BetweenSteps = command => throw new InvalidOperationException($"crash deciding {command.Id}");

        var failure = await Assert.ThrowsAsync<ModuleFailedException>(() => Deals.SubmitAsync(accept, Ct));

        Assert.IsType<InvalidOperationException>(failure.InnerException);
        await NeitherAsync(dealId);
        Decider.BetweenSteps = null;
        var retried = await Deals.SubmitAsync(accept, Ct);
        Assert.Equal((DealResult.Accepted, false), (retried.Result, retried.Replayed));
        await BothOnceAsync(dealId);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_crashing_module_fails_alone_and_the_transfers_beside_it_commit()
    {
        var dealId = await ProposeAsync();
        Decider.BetweenSteps = _ => throw new InvalidOperationException("crash");
        var others = Enumerable.Range(0, 20).Select(_ => Door.SubmitAsync(
            [new CreateTransfer(Guid.NewGuid(), ReceiverAccount, ProviderAccount, new Minutes(1), TransferCode.Service, "", Receiver)], Ct)).ToList();

        await Assert.ThrowsAsync<ModuleFailedException>(() => Deals.SubmitAsync(new AcceptDeal(Guid.NewGuid(), Receiver, dealId), Ct));

        Assert.All(await Task.WhenAll(others), outcomes => Assert.Equal(TransferResult.Ok, outcomes.Single().Result));
        Assert.Equal(20, (await Ledger.AccountAsync(ProviderAccount)).Balance.Value);
        await NeitherAsync(dealId);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_connection_dying_between_steps_leaves_neither_and_the_retry_does_both_once()
    {
        var dealId = await ProposeAsync();
        using var reached = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var crashes = 1;
        Decider.BetweenSteps = _ =>
        {
            if (Interlocked.Exchange(ref crashes, 0) == 0) return;
            reached.Release();
            release.Wait(TimeSpan.FromSeconds(30));
        };

        var accepting = Deals.SubmitAsync(new AcceptDeal(Guid.NewGuid(), Receiver, dealId), Ct);
        Assert.True(await reached.WaitAsync(TimeSpan.FromSeconds(20), Ct), "The acceptance never reached its second step.");
        await NeitherAsync(dealId);
        // What the database sees when the gateway holding the transaction is killed: its session ends.
        Assert.Equal(1, await TerminateSessionsInTransactionAsync());
        release.Release();

        var outcome = await accepting;
        Assert.Equal(DealResult.Accepted, outcome.Result);
        await BothOnceAsync(dealId);
    }

    private async Task NeitherAsync(Guid dealId)
    {
        Assert.Null(await HoldOfAsync(dealId));
        var (deal, version) = (await Deals.GetAsync(dealId.ToString(), Ct))!.Value;
        Assert.Equal((DealStatus.Proposed, 1L), (deal.Status, version));
        Assert.Equal(0, (await Ledger.AccountAsync(ReceiverAccount)).DebitsPending.Value);
    }

    private async Task BothOnceAsync(Guid dealId)
    {
        var hold = (await HoldOfAsync(dealId))!;
        var (deal, version) = (await Deals.GetAsync(dealId.ToString(), Ct))!.Value;
        Assert.Equal((DealStatus.Accepted, hold.Id, 2L), (deal.Status, deal.HoldId, version));
        Assert.Equal(hold.AmountMinutes, (await Ledger.AccountAsync(ReceiverAccount)).DebitsPending);
        Assert.Null((await Door.RebuildProjectionsAsync(Ct)).FirstDifference);
    }

    private async Task<int> TerminateSessionsInTransactionAsync()
    {
        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "select count(*)::int from (select pg_terminate_backend(pid) from pg_stat_activity " +
            "where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()) t", connection);
        return (int)(await command.ExecuteScalarAsync(Ct))!;
    }
}
