using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Transfers;

/// <summary>
/// A batch with a linked chain, sent again byte for byte, once answered differently from the first time:
/// its failed item LINKED_EVENT_FAILED though its record said DEBIT_BELOW_FLOOR, and a transfer applied
/// alone before answered LINKED_EVENT_FAILED though its record said OK (a client would pay twice).
/// An id that has an outcome answers it, replayed, wherever it stands in a chain.
/// </summary>
public sealed class a_repeated_chain_answers_each_id_as_the_first_time(PostgresFixture postgres) : LedgerTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_chain_that_failed_fails_again_the_same_way_when_its_payer_could_no_longer_pay_either()
    {
        var p = await Ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0);
        var q = await Ledger.OpenMemberAsync("mapo", floorHours: 0);
        var r = await Ledger.OpenMemberAsync("mapo");
        TransferCommand[] batch =
        [
            new CreateTransfer(Guid.NewGuid(), p, r, new Minutes(40), TransferCode.Service, "A", TestLedger.Member, Linked: true),
            new CreateTransfer(Guid.NewGuid(), q, r, new Minutes(20), TransferCode.Service, "B", TestLedger.Member),
        ];

        var first = await Ledger.Transfers.SubmitAsync(batch, CancellationToken.None);
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(p, r, 30)).Result);
        var again = await Ledger.Transfers.SubmitAsync(batch, CancellationToken.None);

        Assert.Equal([(TransferResult.LinkedEventFailed, false), (TransferResult.DebitBelowFloor, false)], first.Select(o => (o.Result, o.Replayed)));
        Assert.Equal([(TransferResult.LinkedEventFailed, false), (TransferResult.DebitBelowFloor, true)], again.Select(o => (o.Result, o.Replayed)));
        Assert.Equal(new Minutes(30), (await Ledger.AccountAsync(p)).Balance);
    }

    [Theory(Timeout = TestTimeouts.Default)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task a_transfer_applied_alone_answers_ok_replayed_beside_a_failing_item(bool appliedFirstInTheChain)
    {
        var p = await Ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0);
        var q = await Ledger.OpenMemberAsync("mapo", floorHours: 0);
        var r = await Ledger.OpenMemberAsync("mapo");
        var d = new CreateTransfer(Guid.NewGuid(), p, r, new Minutes(10), TransferCode.Service, "D", TestLedger.Member);
        var failing = new CreateTransfer(Guid.NewGuid(), q, r, new Minutes(20), TransferCode.Service, "X", TestLedger.Member);
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(d)).Result);
        TransferCommand[] chain = appliedFirstInTheChain ? [d with { Linked = true }, failing] : [failing with { Linked = true }, d];

        var outcomes = await Ledger.Transfers.SubmitAsync(chain, CancellationToken.None);

        var outcomeOfD = outcomes.Single(o => o.Id == d.Id);
        var outcomeOfX = outcomes.Single(o => o.Id == failing.Id);
        Assert.Equal((TransferResult.Ok, true), (outcomeOfD.Result, outcomeOfD.Replayed));
        Assert.Equal((TransferResult.DebitBelowFloor, false), (outcomeOfX.Result, outcomeOfX.Replayed));
        Assert.Equal(new Minutes(50), (await Ledger.AccountAsync(p)).Balance);
        Assert.Equal(new Minutes(10), (await Ledger.AccountAsync(r)).Balance);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_chain_whose_earlier_items_are_applied_applies_only_its_new_ones()
    {
        var p = await Ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0);
        var r = await Ledger.OpenMemberAsync("mapo");
        var d = new CreateTransfer(Guid.NewGuid(), p, r, new Minutes(10), TransferCode.Service, "D", TestLedger.Member, Linked: true);
        var n = new CreateTransfer(Guid.NewGuid(), p, r, new Minutes(5), TransferCode.Service, "N", TestLedger.Member);
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(d with { Linked = false })).Result);

        var outcomes = await Ledger.Transfers.SubmitAsync([d, n], CancellationToken.None);

        Assert.Equal([(TransferResult.Ok, true), (TransferResult.Ok, false)], outcomes.Select(o => (o.Result, o.Replayed)));
        Assert.Equal(new Minutes(45), (await Ledger.AccountAsync(p)).Balance);
    }
}
