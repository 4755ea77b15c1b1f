using System.Text.Json;
using EPoomasi.Ledger.Auditing;
using EPoomasi.Ledger.Auditing.Journal;
using EPoomasi.Ledger.Reading;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Transfers.CreatingTransfer;
using EPoomasi.Ledger.Transfers.PostingHold;
using EPoomasi.Ledger.Transfers.ReversingTransfer;
using EPoomasi.Ledger.Transfers.VoidingHold;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

/// <summary>
/// A ledger written by the code of storage layout 3 (tests/Fixtures/Layout3: a dump and what it answered,
/// made by its make.sh from that commit) is carried forward at start: every balance, statement line and
/// lookup reads as it did, every batch sent again answers its original outcome, a hold left pending can
/// still be posted, the projections rebuild from the event log, and the chain seals over all of it.
/// </summary>
public sealed class a_ledger_written_in_layout_3_goes_forward_keeping_every_minute(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Layout3");

    [Fact(Timeout = TestTimeouts.Lengthy)]
    public async Task every_balance_statement_lookup_and_repeat_survives()
    {
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixture, "expected.json"), Ct));
        var root = expected.RootElement;
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await RestoreAsync(connectionString);

        var clock = new FakeTimeProvider(root.GetProperty("now").GetDateTimeOffset().AddMinutes(1));
        await using var ledger = TestLedger.On(connectionString, clock);
        await ledger.Store.MigrateAsync();

        Assert.Equal(StorageLayout.Current, await ScalarAsync<int>(connectionString, "select max(version) from ledger.storage_layout"));
        foreach (var account in root.GetProperty("accounts").EnumerateArray())
        {
            await SameAccountAsync(ledger, account);
        }

        var ids = root.GetProperty("lookups").EnumerateArray().Select(l => Guid.Parse(l.GetString()![..36])).ToList();
        var records = (await ledger.Reader.LookupTransfersAsync(ids, Ct)).OrderBy(r => r.Id).Select(Record).ToList();
        Assert.Equal(root.GetProperty("lookups").EnumerateArray().Select(l => l.GetString()!).ToList(), records);

        foreach (var batch in root.GetProperty("batches").EnumerateArray())
        {
            var commands = batch.GetProperty("items").EnumerateArray().Select(Command).ToList();
            var outcomes = await ledger.Transfers.SubmitAsync(commands, Ct);
            Assert.Equal(batch.GetProperty("results").EnumerateArray().Select(r => r.GetString()!).ToList(), outcomes.Select(o => o.Result.ToString()).ToList());
        }

        var pending = root.GetProperty("pendingHold").GetGuid();
        Assert.Equal(TransferResult.Ok, (await ledger.SubmitOneAsync(new PostHold(Guid.NewGuid(), pending, null, TestLedger.Member))).Result);
        var rebuilt = await new ProjectionRebuild(ledger.Store).RunAsync(Ct);
        Assert.Null(rebuilt.FirstDifference);
        Assert.Equal(ids.Count + 1, rebuilt.RowsCompared["transfers"]);

        await new JournalSealer(ledger.Store).SealAsync(Ct);
        var verified = await new JournalVerifier(ledger.Store).VerifyAsync(null, Ct);
        Assert.Equal((true, await ScalarAsync<long>(connectionString, "select count(*) from ledger.mt_events"), 0L), (verified.Holds, verified.VerifiedRows, verified.UnsealedRows));
    }

    private static async Task SameAccountAsync(TestLedger ledger, JsonElement expected)
    {
        var id = expected.GetProperty("id").GetGuid();
        var account = await ledger.AccountAsync(id);
        Assert.Equal(
            (expected.GetProperty("balance").GetInt64(), expected.GetProperty("debitsPending").GetInt64(), expected.GetProperty("creditsPending").GetInt64(),
                expected.GetProperty("floor").GetInt64(), expected.GetProperty("cap").GetInt64(), expected.GetProperty("status").GetString(), expected.GetProperty("version").GetInt64()),
            (account.Balance.Value, account.DebitsPending.Value, account.CreditsPending.Value, account.Floor.Value, account.Cap.Value, account.Status.ToString(), account.Version));

        var statement = new List<string>();
        long cursor = 0;
        while (await ledger.Reader.GetStatementAsync(id, cursor, 100, Ct) is { } page && page.Entries.Count > 0)
        {
            statement.AddRange(page.Entries.Select(Line));
            if (page.NextCursor is not { } next) break;
            cursor = next;
        }

        Assert.Equal(expected.GetProperty("statement").EnumerateArray().Select(l => l.GetString()!).ToList(), statement);
    }

    // The fixture's own formats (its Generator/Program.cs), so that both sides describe a line or a record alike.
    private static string Line(StatementEntry e) =>
        FormattableString.Invariant($"{e.Position} {e.TransferId} {e.Side} {e.AmountMinutes.Value} {e.BalanceAfterMinutes.Value} {e.CounterpartyAccountId} {e.Code} {e.Memo} {e.By.ActorId} {e.At:O}");

    private static string Record(TransferRecord r) => string.Concat(
        FormattableString.Invariant($"{r.Id} {r.Kind} {r.Result} {r.DebitAccountId} {r.CreditAccountId} {r.AmountMinutes.Value} {r.Code} {r.Memo} hold={r.HoldId} "),
        FormattableString.Invariant($"reverses={r.ReversesTransferId} state={r.HoldState} posted={r.PostedAmountMinutes?.Value} resolvedBy={r.ResolvedByTransferId} "),
        FormattableString.Invariant($"resolvedAt={r.ResolvedAt:O} reversedBy={r.ReversedByTransferId} expires={r.ExpiresAt:O} "),
        FormattableString.Invariant($"legs={string.Join("|", r.Legs.Select(l => $"{l.DebitAccountId}>{l.CreditAccountId}"))} by={r.By.ActorId} at={r.At:O}"));

    private static TransferCommand Command(JsonElement item)
    {
        var by = new Attribution(item.GetProperty("actor").GetString()!, null, "fixture");
        var linked = item.GetProperty("linked").GetBoolean();
        var id = item.GetProperty("id").GetGuid();
        return item.GetProperty("type").GetString() switch
        {
            "transfer" => new CreateTransfer(
                id, item.GetProperty("debit").GetGuid(), item.GetProperty("credit").GetGuid(), new Minutes(item.GetProperty("amount").GetInt64()),
                Enum.Parse<TransferCode>(item.GetProperty("code").GetString()!), item.GetProperty("memo").GetString()!, by,
                item.GetProperty("holdSeconds") is { ValueKind: JsonValueKind.Number } seconds ? TimeSpan.FromSeconds(seconds.GetDouble()) : null, null, linked),
            "post" => new PostHold(id, item.GetProperty("hold").GetGuid(),
                item.GetProperty("amount") is { ValueKind: JsonValueKind.Number } amount ? new Minutes(amount.GetInt64()) : null, by, linked),
            "void" => new VoidHold(id, item.GetProperty("hold").GetGuid(), by, linked),
            "reverse" => new ReverseTransfer(id, item.GetProperty("transfer").GetGuid(), item.GetProperty("reason").GetString()!, by, linked),
            var other => throw new InvalidDataException($"Unknown item type {other}."),
        };
    }

    private static async Task RestoreAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(Fixture, "ledger.sql"), Ct), connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
