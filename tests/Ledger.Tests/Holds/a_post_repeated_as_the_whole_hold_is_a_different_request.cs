using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;

namespace EPoomasi.Ledger.Tests.Holds;

/// <summary>
/// A post id's idempotency once ignored "the whole hold": post Q of 5 on a 12-minute hold, then Q again
/// for the whole hold, answered OK, replayed; and a post that failed for 13, repeated for the whole hold,
/// answered its original failure instead of ID_ALREADY_FAILED. "The whole hold" and "5" are different fields.
/// </summary>
public sealed class a_post_repeated_as_the_whole_hold_is_a_different_request(PostgresFixture postgres) : LedgerTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task after_a_post_of_part_of_the_hold()
    {
        var hold = await HoldAsync(12);
        var q = Guid.NewGuid();

        var first = await Ledger.SubmitOneAsync(new PostHold(q, hold, new Minutes(5), TestLedger.Member));
        var same = await Ledger.SubmitOneAsync(new PostHold(q, hold, new Minutes(5), TestLedger.Member));
        var seven = await Ledger.SubmitOneAsync(new PostHold(q, hold, new Minutes(7), TestLedger.Member));
        var whole = await Ledger.SubmitOneAsync(new PostHold(q, hold, null, TestLedger.Member));

        Assert.Equal((TransferResult.Ok, false), (first.Result, first.Replayed));
        Assert.Equal((TransferResult.Ok, true), (same.Result, same.Replayed));
        Assert.Equal(TransferResult.ExistsWithDifferentFields, seven.Result);
        Assert.Equal(TransferResult.ExistsWithDifferentFields, whole.Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task after_a_post_of_the_whole_hold()
    {
        var hold = await HoldAsync(12);
        var q = Guid.NewGuid();

        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(new PostHold(q, hold, null, TestLedger.Member))).Result);
        var again = await Ledger.SubmitOneAsync(new PostHold(q, hold, null, TestLedger.Member));
        var twelve = await Ledger.SubmitOneAsync(new PostHold(q, hold, new Minutes(12), TestLedger.Member));

        Assert.Equal((TransferResult.Ok, true), (again.Result, again.Replayed));
        Assert.Equal(TransferResult.ExistsWithDifferentFields, twelve.Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task after_a_post_that_failed()
    {
        var hold = await HoldAsync(12);
        var q = Guid.NewGuid();

        var failed = await Ledger.SubmitOneAsync(new PostHold(q, hold, new Minutes(13), TestLedger.Member));
        var again = await Ledger.SubmitOneAsync(new PostHold(q, hold, new Minutes(13), TestLedger.Member));
        var whole = await Ledger.SubmitOneAsync(new PostHold(q, hold, null, TestLedger.Member));

        Assert.Equal(TransferResult.PostExceedsHeldAmount, failed.Result);
        Assert.Equal((TransferResult.PostExceedsHeldAmount, true), (again.Result, again.Replayed));
        Assert.Equal(TransferResult.IdAlreadyFailed, whole.Result);
    }

    private async Task<Guid> HoldAsync(long minutes)
    {
        var receiver = await Ledger.OpenMemberAsync("mapo", startHours: 1);
        var provider = await Ledger.OpenMemberAsync("mapo");
        var hold = new CreateTransfer(Guid.NewGuid(), receiver, provider, new Minutes(minutes), TransferCode.Service, "", TestLedger.Member, TimeSpan.FromHours(1));
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(hold)).Result);
        return hold.Id;
    }
}
