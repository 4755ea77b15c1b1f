using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Writing;

// A transaction first takes its items' ids to be new and lets the records' key prove it; whenever that
// proves nothing, the ids are looked up and every item answers as if they had been from the start.
public sealed class an_id_taken_to_be_new_is_proved_new_or_looked_up(PostgresFixture postgres) : LedgerTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_retried_id_answers_its_original_outcome_though_deciding_it_afresh_would_now_refuse_it()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var pay = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(60), TransferCode.Service, "", TestLedger.Member);
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(pay)).Result);

        var again = await Ledger.SubmitOneAsync(pay);

        Assert.Equal((TransferResult.Ok, true), (again.Result, again.Replayed));
        Assert.Equal(new Minutes(60), (await Ledger.AccountAsync(lee)).Balance);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_failed_id_retried_in_a_chain_fails_the_chain_as_before_though_afresh_it_would_pass()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 1, floorHours: 0);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var tooMuch = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(120), TransferCode.Service, "", TestLedger.Member);
        Assert.Equal(TransferResult.DebitBelowFloor, (await Ledger.SubmitOneAsync(tooMuch)).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.PayAsync(await Ledger.OpenMemberAsync("mapo", startHours: 5), kim, 180)).Result);

        // Decided afresh, the retried item would now pass and the chain would fail at its second item,
        // recording that item's failure. As the ledger answers, the retried item fails the chain with its
        // original result, and the second item is never decided.
        var unknownPayer = new CreateTransfer(Guid.NewGuid(), Guid.NewGuid(), lee, new Minutes(5), TransferCode.Service, "", TestLedger.Member);
        var outcomes = await Ledger.Transfers.SubmitAsync([tooMuch with { Linked = true }, unknownPayer], CancellationToken.None);

        Assert.Equal([(TransferResult.DebitBelowFloor, true), (TransferResult.LinkedEventFailed, false)], outcomes.Select(o => (o.Result, o.Replayed)));
        Assert.Empty(await Ledger.Reader.LookupTransfersAsync([unknownPayer.Id], CancellationToken.None));
        Assert.Equal(new Minutes(240), (await Ledger.AccountAsync(kim)).Balance);
    }
}
