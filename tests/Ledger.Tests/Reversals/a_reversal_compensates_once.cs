using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.ReversingTransfer;

namespace EPoomasi.Ledger.Tests.Reversals;

public sealed class a_reversal_compensates_once(PostgresFixture postgres) : LedgerTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_reversed_transfer_moves_back_and_both_stay_on_record()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 2);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var pay = await Ledger.PayAsync(kim, lee, 50);

        var reversal = await Ledger.SubmitOneAsync(new ReverseTransfer(Guid.NewGuid(), pay.Id, "entered twice", TestLedger.Coordinator));

        Assert.Equal(TransferResult.Ok, reversal.Result);
        Assert.Equal((new Minutes(120), Minutes.Zero), ((await Ledger.AccountAsync(kim)).Balance, (await Ledger.AccountAsync(lee)).Balance));
        var records = await Ledger.Reader.LookupTransfersAsync([pay.Id, reversal.Id], CancellationToken.None);
        Assert.Equal(reversal.Id, records[0].ReversedByTransferId);
        Assert.Equal((TransferCode.Reversal, pay.Id, "entered twice"), (records[1].Code, records[1].ReversesTransferId!.Value, records[1].Reason));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_second_reversal_of_the_same_transfer_is_refused()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 2);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var pay = await Ledger.PayAsync(kim, lee, 50);
        await Ledger.SubmitOneAsync(new ReverseTransfer(Guid.NewGuid(), pay.Id, "entered twice", TestLedger.Coordinator));

        var again = await Ledger.SubmitOneAsync(new ReverseTransfer(Guid.NewGuid(), pay.Id, "entered twice", TestLedger.Coordinator));

        Assert.Equal(TransferResult.TransferAlreadyReversed, again.Result);
        Assert.Equal(new Minutes(120), (await Ledger.AccountAsync(kim)).Balance);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_reversal_needs_a_reason_and_a_posted_transfer()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 2);
        var hold = new CreateTransfer(Guid.NewGuid(), kim, await Ledger.OpenMemberAsync("mapo"), new Minutes(5), TransferCode.Service, "", TestLedger.Member, TimeSpan.FromHours(1));
        await Ledger.SubmitOneAsync(hold);

        Assert.Equal(TransferResult.ReasonRequired, (await Ledger.SubmitOneAsync(new ReverseTransfer(Guid.NewGuid(), hold.Id, " ", TestLedger.Coordinator))).Result);
        Assert.Equal(TransferResult.TransferNotReversible, (await Ledger.SubmitOneAsync(new ReverseTransfer(Guid.NewGuid(), hold.Id, "wrong", TestLedger.Coordinator))).Result);
        Assert.Equal(TransferResult.TransferNotFound, (await Ledger.SubmitOneAsync(new ReverseTransfer(Guid.NewGuid(), Guid.NewGuid(), "wrong", TestLedger.Coordinator))).Result);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_reversal_obeys_limits_like_any_transfer()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 2);
        var lee = await Ledger.OpenMemberAsync("mapo", floorHours: 0);
        var pay = await Ledger.PayAsync(kim, lee, 60);
        await Ledger.PayAsync(lee, kim, 30);

        var reversal = await Ledger.SubmitOneAsync(new ReverseTransfer(Guid.NewGuid(), pay.Id, "mistake", TestLedger.Coordinator));

        Assert.Equal(TransferResult.DebitBelowFloor, reversal.Result);
    }
}
