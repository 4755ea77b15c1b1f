using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.VoidingHold;

namespace EPoomasi.Ledger.Tests.Holds;

public sealed class holds_reserve_then_post_void_or_expire(PostgresFixture postgres) : LedgerTest(postgres)
{
    private async Task<(Guid Receiver, Guid Provider, Guid Hold)> HoldAsync(long minutes, TimeSpan timeout)
    {
        var receiver = await Ledger.OpenMemberAsync("mapo", startHours: 2, floorHours: 0);
        var provider = await Ledger.OpenMemberAsync("mapo");
        var hold = new CreateTransfer(Guid.NewGuid(), receiver, provider, new Minutes(minutes), TransferCode.Service, "babysitting", TestLedger.Member, timeout);
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(hold)).Result);
        return (receiver, provider, hold.Id);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_pending_hold_counts_against_the_available_balance()
    {
        var (receiver, provider, _) = await HoldAsync(90, TimeSpan.FromHours(1));

        var account = await Ledger.AccountAsync(receiver);
        Assert.Equal((new Minutes(120), new Minutes(90), new Minutes(30)), (account.Balance, account.DebitsPending, account.Available));
        Assert.Equal(new Minutes(90), (await Ledger.AccountAsync(provider)).CreditsPending);
        Assert.Equal(TransferResult.DebitBelowFloor, (await Ledger.PayAsync(receiver, provider, 31)).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(receiver, provider, 30)).Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task posting_in_part_moves_that_much_and_releases_the_rest()
    {
        var (receiver, provider, hold) = await HoldAsync(90, TimeSpan.FromHours(1));

        var post = await Ledger.SubmitOneAsync(new PostHold(Guid.NewGuid(), hold, new Minutes(60), TestLedger.Member));

        Assert.Equal(TransferResult.Ok, post.Result);
        var payer = await Ledger.AccountAsync(receiver);
        Assert.Equal((new Minutes(60), Minutes.Zero), (payer.Balance, payer.DebitsPending));
        Assert.Equal((new Minutes(60), Minutes.Zero), ((await Ledger.AccountAsync(provider)).Balance, (await Ledger.AccountAsync(provider)).CreditsPending));
        var record = (await Ledger.Reader.LookupTransfersAsync([hold], CancellationToken.None)).Single();
        Assert.Equal((HoldState.Posted, new Minutes(60), post.Id), (record.HoldState!.Value, record.PostedAmountMinutes!.Value, record.ResolvedByTransferId!.Value));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task posting_more_than_was_held_is_refused()
    {
        var (_, _, hold) = await HoldAsync(30, TimeSpan.FromHours(1));

        var post = await Ledger.SubmitOneAsync(new PostHold(Guid.NewGuid(), hold, new Minutes(31), TestLedger.Member));

        Assert.Equal(TransferResult.PostExceedsHeldAmount, post.Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task voiding_releases_everything_and_moves_nothing()
    {
        var (receiver, provider, hold) = await HoldAsync(45, TimeSpan.FromHours(1));

        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(new VoidHold(Guid.NewGuid(), hold, TestLedger.Member))).Result);

        Assert.Equal((new Minutes(120), Minutes.Zero), ((await Ledger.AccountAsync(receiver)).Available, (await Ledger.AccountAsync(receiver)).DebitsPending));
        Assert.Equal(Minutes.Zero, (await Ledger.AccountAsync(provider)).Balance);
        Assert.Equal(TransferResult.HoldAlreadyVoided, (await Ledger.SubmitOneAsync(new PostHold(Guid.NewGuid(), hold, null, TestLedger.Member))).Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task at_the_instant_its_timeout_passes_a_hold_can_no_longer_be_posted()
    {
        var (_, _, hold) = await HoldAsync(45, TimeSpan.FromMinutes(10));
        Ledger.Clock.Advance(TimeSpan.FromMinutes(10));

        var post = await Ledger.SubmitOneAsync(new PostHold(Guid.NewGuid(), hold, null, TestLedger.Member));

        Assert.Equal(TransferResult.HoldExpired, post.Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task one_minute_before_its_timeout_a_hold_can_still_be_posted()
    {
        var (_, provider, hold) = await HoldAsync(45, TimeSpan.FromMinutes(10));
        Ledger.Clock.Advance(TimeSpan.FromMinutes(9));

        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(new PostHold(Guid.NewGuid(), hold, null, TestLedger.Member))).Result);
        Assert.Equal(new Minutes(45), (await Ledger.AccountAsync(provider)).Balance);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_expirer_releases_due_holds_once_and_leaves_the_rest()
    {
        var (receiver, _, due) = await HoldAsync(20, TimeSpan.FromMinutes(5));
        var later = new CreateTransfer(Guid.NewGuid(), receiver, await Ledger.OpenMemberAsync("mapo"), new Minutes(10), TransferCode.Service, "", TestLedger.Member, TimeSpan.FromHours(1));
        await Ledger.SubmitOneAsync(later);
        Ledger.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await Ledger.Expirer.ExpireDueAsync(100, CancellationToken.None));
        Assert.Equal(0, await Ledger.Expirer.ExpireDueAsync(100, CancellationToken.None));

        var records = await Ledger.Reader.LookupTransfersAsync([due, later.Id], CancellationToken.None);
        Assert.Equal([HoldState.Expired, HoldState.Pending], records.Select(r => r.HoldState!.Value));
        Assert.Equal(new Minutes(10), (await Ledger.AccountAsync(receiver)).DebitsPending);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_linked_chain_with_one_failure_leaves_no_trace_of_the_others()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var ok = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(30), TransferCode.Service, "", TestLedger.Member, Linked: true);
        var tooMuch = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(31), TransferCode.Service, "", TestLedger.Member);

        var outcomes = await Ledger.Transfers.SubmitAsync([ok, tooMuch], CancellationToken.None);

        Assert.Equal([TransferResult.LinkedEventFailed, TransferResult.DebitBelowFloor], outcomes.Select(o => o.Result));
        Assert.Equal(new Minutes(60), (await Ledger.AccountAsync(kim)).Balance);
        Assert.Empty(await Ledger.Reader.LookupTransfersAsync([ok.Id], CancellationToken.None));
    }
}
