using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Auditing;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Auditing;

/// <summary>
/// The event log is the whole truth: accounts, statement entries, transfer records (rejections, holds and
/// their resolutions, reversals) and districts rebuild from it alone and equal the live tables, and a row
/// edited behind the ledger's back is named with its table, key, column and both values.
/// </summary>
public sealed class the_projections_rebuild_from_the_event_log_alone(PostgresFixture postgres) : LedgerTest(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task every_outcome_a_client_saw_rebuilds_to_the_same_rows()
    {
        await TradeAsync();

        var report = await new ProjectionRebuild(Ledger.Store).RunAsync(Ct);

        Assert.Null(report.FirstDifference);
        Assert.True(report.RowsCompared["transfers"] >= 6, $"transfers rebuilt: {report.RowsCompared["transfers"]}");
        Assert.True(report.RowsCompared["entries"] >= 8, $"entries rebuilt: {report.RowsCompared["entries"]}");
        Assert.Equal(1, report.RowsCompared["districts"]);
    }

    [Theory(Timeout = TestTimeouts.Default)]
    [InlineData("accounts", "debits_posted", 1, "update {0}.accounts set debits_posted = debits_posted + 1 where id = '{1}'")]
    [InlineData("entries", "memo", 1, "update {0}.entries set memo = 'edited' where account_id = '{1}' and version = 2")]
    [InlineData("transfers", "hold_state", 2, "update {0}.transfers set hold_state = 1 where id = '{2}'")]
    [InlineData("transfers", "reversed_by_transfer_id", 3, "update {0}.transfers set reversed_by_transfer_id = null where id = '{3}'")]
    [InlineData("transfers", "*", 3, "delete from {0}.transfers where id = '{3}'")]
    [InlineData("districts", "data", 0, "update {0}.mt_doc_district set data = jsonb_set(data, '{{mintBudget}}', '1')")]
    public async Task a_row_edited_by_hand_is_named(string table, string column, int keyed, string edit)
    {
        var (kim, _, hold, reversed) = await TradeAsync();
        await ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, edit, Ledger.Store.Schema, kim, hold, reversed));

        var difference = (await new ProjectionRebuild(Ledger.Store).RunAsync(Ct)).FirstDifference;

        Assert.NotNull(difference);
        Assert.Equal((table, column), (difference.Table, difference.Column));
        Assert.Contains(keyed switch { 1 => kim.ToString(), 2 => hold.ToString(), 3 => reversed.ToString(), _ => "mapo" }, difference.Key, StringComparison.Ordinal);
        Assert.NotEqual(difference.Live, difference.Rebuilt);
    }

    // Payments, a rejection remembered against its id, a hold posted in part, one voided, one expired, a reversal.
    private async Task<(Guid Kim, Guid Lee, Guid PostedHold, Guid Reversed)> TradeAsync()
    {
        var kim = await Ledger.OpenMemberAsync("mapo", startHours: 5);
        var lee = await Ledger.OpenMemberAsync("mapo");
        var paid = await Ledger.PayAsync(kim, lee, 30);
        Assert.Equal(TransferResult.Ok, paid.Result);
        Assert.Equal(TransferResult.DebitBelowFloor, (await Ledger.PayAsync(lee, kim, 660)).Result);

        var hold = Guid.NewGuid();
        var voided = Guid.NewGuid();
        var expiring = Guid.NewGuid();
        foreach (var id in new[] { hold, voided, expiring })
        {
            var placed = await Ledger.SubmitOneAsync(new CreateTransfer(
                id, kim, lee, Minutes.FromHours(1), TransferCode.Service, "care", TestLedger.Member, HoldTimeout: id == expiring ? TimeSpan.FromMinutes(1) : TimeSpan.FromDays(1)));
            Assert.Equal(TransferResult.Ok, placed.Result);
        }

        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(new PostHold(Guid.NewGuid(), hold, new Minutes(40), TestLedger.Member))).Result);
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(new VoidHold(Guid.NewGuid(), voided, TestLedger.Member))).Result);
        Ledger.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Ledger.Expirer.ExpireDueAsync(10, Ct));
        Assert.Equal(TransferResult.Ok, (await Ledger.SubmitOneAsync(new ReverseTransfer(Guid.NewGuid(), paid.Record!.Id, "mistake", TestLedger.Coordinator))).Result);
        return (kim, lee, hold, paid.Record!.Id);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }
}
