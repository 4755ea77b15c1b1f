using EPoomasi.Ledger.Transfers;
using Marten;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Layout 3 → 4: every transfer record written before the event log held transfer events goes into the log,
/// as <see cref="TransferRecordsCarriedForward"/> events in id order, a page at a time: each page a stream of its
/// own, written before the next is read, so that the migration's memory does not grow with the ledger.
/// </summary>
internal sealed class RecordsCarriedForward(LedgerStore store)
{
    private const int PageRecords = SetBasedWrites.JournalChunk * 50;

    private readonly ISerializer _serializer = store.Documents.Options.Serializer();
    private readonly EventRows _rows = new(store);

    /// <summary>Writes the events inside <paramref name="transaction"/>.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var now = store.Now();
        var after = Guid.Empty;
        while (true)
        {
            await using var read = new NpgsqlCommand(
                TransfersTable.Select(store.Schema, $"id > $1 order by id limit {PageRecords}"), connection, transaction)
            {
                Parameters = { new NpgsqlParameter { Value = after } },
            };
            var page = await TransfersTable.ReadAllAsync(read, CancellationToken.None);
            if (page.Count == 0) break;
            var events = page.Chunk(SetBasedWrites.JournalChunk)
                .Select(chunk => (typeof(TransferRecordsCarriedForward), _serializer.ToJson(new TransferRecordsCarriedForward(chunk))))
                .ToList();
            await using var batch = new NpgsqlBatch(connection, transaction);
            using var text = new QueuedText();
            _rows.QueueNewStream(batch, Guid.CreateVersion7(now), "carried-forward", events, now, text);
            await batch.ExecuteNonQueryAsync();
            after = page[^1].Id;
        }
    }
}
