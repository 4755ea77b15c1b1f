using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Transfers;

public sealed class a_transfer_moves_minutes_between_members(PostgresFixture postgres) : LedgerTest(postgres)
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task both_balances_move_and_the_statement_shows_running_balances()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 5);
        var lee = await Ledger.OpenMemberAsync("mapo");

        var outcome = await Ledger.PayAsync(kim, lee, 90);

        Assert.Equal(TransferResult.Ok, outcome.Result);
        Assert.Equal(new Minutes(300 - 90), (await Ledger.AccountAsync(kim)).Balance);
        Assert.Equal(new Minutes(90), (await Ledger.AccountAsync(lee)).Balance);
        var statement = (await Ledger.Reader.GetStatementAsync(kim, 0, 10, CancellationToken.None))!;
        Assert.Equal([new Minutes(300), new Minutes(210)], statement.Entries.Select(e => e.BalanceAfterMinutes));
        Assert.Null(statement.NextCursor);
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_same_id_twice_moves_minutes_once()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 5);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var pay = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(30), TransferCode.Service, "lesson", TestLedger.Member);

        var first = await Ledger.SubmitOneAsync(pay);
        var second = await Ledger.SubmitOneAsync(pay);

        Assert.Equal((TransferResult.Ok, false), (first.Result, first.Replayed));
        Assert.Equal((TransferResult.Ok, true), (second.Result, second.Replayed));
        Assert.Equal(new Minutes(30), (await Ledger.AccountAsync(lee)).Balance);
    }
}
