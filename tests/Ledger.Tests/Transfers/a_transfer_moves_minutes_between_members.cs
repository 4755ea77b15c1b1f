using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;

namespace EPoomasi.Ledger.Tests.Transfers;

public sealed class a_transfer_moves_minutes_between_members(PostgresFixture postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _ledger = await TestLedger.CreateAsync(postgres);
        await _ledger.CreateDistrictAsync("mapo");
    }

    public ValueTask DisposeAsync() => _ledger.DisposeAsync();

    [Fact]
    public async Task both_balances_move_and_the_statement_shows_running_balances()
    {
        var kim = await _ledger.OpenMemberAsync("mapo", startHours: 5);
        var lee = await _ledger.OpenMemberAsync("mapo");

        var outcome = await _ledger.PayAsync(kim, lee, 90);

        Assert.Equal(TransferResult.Ok, outcome.Result);
        Assert.Equal(new Minutes(300 - 90), (await _ledger.AccountAsync(kim)).Balance);
        Assert.Equal(new Minutes(90), (await _ledger.AccountAsync(lee)).Balance);
        var statement = (await _ledger.Reader.GetStatementAsync(kim, 0, 10, CancellationToken.None))!;
        Assert.Equal([new Minutes(300), new Minutes(210)], statement.Entries.Select(e => e.BalanceAfterMinutes));
        Assert.Null(statement.NextCursor);
    }

    [Fact]
    public async Task the_same_id_twice_moves_minutes_once()
    {
        var kim = await _ledger.OpenMemberAsync("mapo", startHours: 5);
        var lee = await _ledger.OpenMemberAsync("mapo");
        var pay = new CreateTransfer(Guid.NewGuid(), kim, lee, new Minutes(30), TransferCode.Service, "lesson", TestLedger.Member);

        var first = await _ledger.SubmitOneAsync(pay);
        var second = await _ledger.SubmitOneAsync(pay);

        Assert.Equal((TransferResult.Ok, false), (first.Result, first.Replayed));
        Assert.Equal((TransferResult.Ok, true), (second.Result, second.Replayed));
        Assert.Equal(new Minutes(30), (await _ledger.AccountAsync(lee)).Balance);
    }
}
