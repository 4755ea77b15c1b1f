using System.Text.Json;
using System.Text.Json.Nodes;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Tests.Harness;
using EPoomasi.Ledger.Transfers;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

/// <summary>
/// The ledger appends its journals to Marten's event tables with set-based statements of its own (measured
/// cheaper than Marten's per-stream append). This pins that path to Marten: the same events appended through
/// Marten's public API and through the set-based path must give the same rows, column for column — every
/// column either table has — apart from what is unique to each append (ids, sequence numbers, instants). A
/// Marten upgrade that changes its tables fails here instead of writing rows Marten cannot read.
/// </summary>
public sealed class the_set_based_event_rows_are_the_rows_marten_writes(PostgresFixture postgres) : LedgerTest(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // What differs between two appends by design. The stream's type is the ledger's own name for a journal.
    private static readonly string[] EventsUnique = ["seq_id", "id", "stream_id", "timestamp"];
    private static readonly string[] StreamsUnique = ["id", "timestamp", "created", "type"];

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task the_same_events_give_the_same_columns_both_ways()
    {
        var events = Journal();
        var viaMarten = Guid.NewGuid();
        await using (var session = Ledger.Store.Documents.LightweightSession())
        {
            session.Events.StartStream(viaMarten, events.ToArray());
            await session.SaveChangesAsync(Ct);
        }

        var viaLedger = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(Ledger.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var batch = new NpgsqlBatch(connection);
            using var text = new QueuedText();
            var serializer = Ledger.Store.Documents.Options.Serializer();
            new EventRows(Ledger.Store).QueueNewStream(batch, viaLedger, "journal", events.Select(e => (e.GetType(), serializer.ToJson(e))).ToList(), Ledger.Store.Now(), text);
            await batch.ExecuteNonQueryAsync(Ct);
        }

        var marten = await RowsAsync("mt_events", "stream_id", viaMarten, "version");
        var ledger = await RowsAsync("mt_events", "stream_id", viaLedger, "version");
        Assert.Equal(events.Count, marten.Count);
        for (var i = 0; i < marten.Count; i++)
        {
            SameColumns($"event {i + 1}", marten[i], ledger[i], EventsUnique);
        }

        SameColumns("stream", (await RowsAsync("mt_streams", "id", viaMarten, "id")).Single(), (await RowsAsync("mt_streams", "id", viaLedger, "id")).Single(), StreamsUnique);

        // And Marten reads the ledger's rows back as the events it was given.
        await using var query = Ledger.Store.Documents.QuerySession();
        var read = await query.Events.FetchStreamAsync(viaLedger, token: Ct);
        Assert.Equal(events.Select(e => JsonSerializer.Serialize(e, e.GetType())), read.Select(e => JsonSerializer.Serialize(e.Data, e.Data.GetType())));
    }

    private static List<object> Journal()
    {
        var by = new Attribution("member:pin", null, "tests");
        var at = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var (a, b, t) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        AccountEvent[] accountEvents =
        [
            new EntryPosted(a, t, EntrySide.Debit, new Minutes(30), new Minutes(-30), b, TransferCode.Service, "보일러", by, at),
            new EntryPosted(b, t, EntrySide.Credit, new Minutes(30), new Minutes(30), a, TransferCode.Service, "보일러", by, at),
        ];
        var record = new TransferRecord
        {
            Id = t, Kind = TransferKind.Transfer, Result = TransferResult.Ok, DebitAccountId = a, CreditAccountId = b, AmountMinutes = new Minutes(30),
            Code = TransferCode.Service, Memo = "보일러", Legs = [new Leg(a, b)], By = by, At = at,
        };
        return [new AccountEventsJournaled(accountEvents), new TransfersJournaled([new TransferDecided(record)])];
    }

    private static void SameColumns(string what, JsonObject marten, JsonObject ledger, string[] unique)
    {
        Assert.Equal(marten.Select(p => p.Key).Order(StringComparer.Ordinal), ledger.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (column, value) in marten.Where(p => !unique.Contains(p.Key)))
        {
            Assert.True(JsonNode.DeepEquals(value, ledger[column]), $"{what}, column {column}: Marten wrote {value?.ToJsonString() ?? "null"}, the ledger {ledger[column]?.ToJsonString() ?? "null"}.");
        }

        foreach (var column in unique)
        {
            Assert.True(marten.ContainsKey(column), $"{what}: Marten's rows no longer have {column}.");
        }
    }

    private async Task<List<JsonObject>> RowsAsync(string table, string key, Guid id, string order)
    {
        await using var connection = new NpgsqlConnection(Ledger.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"select to_jsonb(r)::text from ledger.{table} r where {key} = $1 order by {order}", connection)
        {
            Parameters = { new NpgsqlParameter { Value = id } },
        };
        var rows = new List<JsonObject>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) rows.Add(JsonNode.Parse(reader.GetString(0))!.AsObject());
        return rows;
    }
}
