using System.Data;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using Marten;
using Npgsql;

namespace EPoomasi.Ledger.Auditing;

/// <summary>
/// Rebuilds every projection of the ledger — account states, statement entries, transfer records and
/// district settings — from the event log alone, into scratch tables, and compares them row by row with the
/// live tables (<see cref="ProjectionComparison"/>).
/// <para>
/// Everything runs in one repeatable-read transaction, so the log and the live tables are read as of one
/// instant while writers go on; the scratch tables are temporary tables of that transaction, which no other
/// session sees and which vanish with it. The log is read a page at a time and each page's states are kept in
/// the scratch tables, not in memory: memory depends on the page size, not on the ledger's size.
/// </para>
/// </summary>
public sealed class ProjectionRebuild(LedgerStore store)
{
    private const int PageRows = 500;
    private const string Scratch = "pg_temp";

    private readonly ISerializer _serializer = store.Documents.Options.Serializer();
    private readonly EventTypes _types = new(store);

    /// <summary>Rebuilds and compares; the ledger itself is only read.</summary>
    public async Task<RebuildReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.Connections.OpenForReadingAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await ExecuteAsync(connection, ScratchTables(), cancellationToken);

        var districts = new Dictionary<string, District>(StringComparer.Ordinal);
        long read = 0, last = 0;
        while (true)
        {
            var page = await ReadPageAsync(connection, last, cancellationToken);
            if (page.Count == 0) break;
            await ApplyAsync(connection, page, districts, cancellationToken);
            read += page.Count;
            last = page[^1].Sequence;
        }

        await WriteDistrictsAsync(connection, districts.Values, cancellationToken);
        var comparison = new ProjectionComparison(store.Schema, Scratch);
        var rows = await comparison.CountRebuiltAsync(connection, cancellationToken);
        var difference = await comparison.FirstDifferenceAsync(connection, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return new RebuildReport(read, last, rows, difference);
    }

    // The live tables' own definitions, so that a column added to one is rebuilt and compared too.
    private string ScratchTables() =>
        string.Join(
            ";",
            new[] { AccountsTable.Name, EntriesTable.Name, TransfersTable.Name }.Select(t =>
                $"create temporary table {t} (like {store.Schema}.{t} including defaults) on commit drop")) +
        $";create temporary table {ProjectionComparison.Districts} (id text primary key, data jsonb not null) on commit drop" +
        $";create index on {Scratch}.{AccountsTable.Name} (id);create index on {Scratch}.{TransfersTable.Name} (id)";

    private async Task<List<(long Sequence, Guid StreamId, object Data)>> ReadPageAsync(NpgsqlConnection connection, long after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_id, type, data from {store.Schema}.mt_events where seq_id > $1 order by seq_id limit {PageRows}", connection)
        {
            Parameters = { new NpgsqlParameter { Value = after } },
        };
        var page = new List<(long, Guid, object)>(PageRows);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = _types.Of(reader.GetString(2), reader.GetInt64(0));
            page.Add((reader.GetInt64(0), reader.GetGuid(1), _serializer.FromJson(type, reader, 3)));
        }

        return page;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, List<(long Sequence, Guid StreamId, object Data)> page, Dictionary<string, District> districts, CancellationToken cancellationToken)
    {
        var accountEvents = new List<(AccountEvent Event, Guid Journal)>();
        var transferEvents = new List<TransferEvent>();
        var carried = new List<TransferRecord>();
        foreach (var (_, stream, data) in page)
        {
            switch (data)
            {
                case AccountEvent single: accountEvents.Add((single, stream)); break;
                case AccountEventsJournaled journal: accountEvents.AddRange(journal.Events.Select(e => (e, stream))); break;
                case TransfersJournaled journal: transferEvents.AddRange(journal.Events); break;
                case TransferRecordsCarriedForward forward: carried.AddRange(forward.Records); break;
                case DistrictEvent district: districts[district.DistrictId] = DistrictEvolution.Evolve(districts.GetValueOrDefault(district.DistrictId), district); break;
                default: throw new InvalidDataException($"The event log holds {data.GetType().Name}, which no projection knows.");
            }
        }

        await using var batch = new NpgsqlBatch(connection);
        using var text = new QueuedText();
        await FoldAccountsAsync(connection, batch, accountEvents, text, cancellationToken);
        await FoldTransfersAsync(connection, batch, carried, transferEvents, text, cancellationToken);
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task FoldAccountsAsync(NpgsqlConnection connection, NpgsqlBatch batch, List<(AccountEvent Event, Guid Journal)> events, QueuedText text, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        var ids = events.Select(e => e.Event.AccountId).Distinct().ToArray();
        await using var load = new NpgsqlCommand(AccountsTable.Select(Scratch, "id = any($1)"), connection) { Parameters = { new NpgsqlParameter { Value = ids } } };
        var states = (await AccountsTable.ReadAllAsync(load, cancellationToken)).ToDictionary(a => a.Id, a => (Account?)a);

        var entries = new List<(long Version, EntryPosted Entry, Guid Journal)>();
        foreach (var (@event, journal) in events)
        {
            var next = AccountEvolution.Evolve(states.GetValueOrDefault(@event.AccountId), @event);
            states[@event.AccountId] = next;
            if (@event is EntryPosted entry) entries.Add((next.Version, entry, journal));
        }

        Statements.Add(batch, $"delete from {Scratch}.{AccountsTable.Name} where id = any(?)", ids);
        Statements.Add(batch, AccountsTable.InsertMany(Scratch), AccountsTable.ColumnArrays(states.Values.OfType<Account>().ToList()));
        if (entries.Count > 0) Statements.Add(batch, EntriesTable.InsertMany(Scratch), EntriesTable.ColumnArrays(entries, text));
    }

    private static async Task FoldTransfersAsync(
        NpgsqlConnection connection, NpgsqlBatch batch, List<TransferRecord> carried, List<TransferEvent> events, QueuedText text, CancellationToken cancellationToken)
    {
        if (carried.Count == 0 && events.Count == 0) return;
        var ids = carried.Select(r => r.Id).Concat(events.Select(e => e.TransferId)).Distinct().ToArray();
        await using var load = new NpgsqlCommand(TransfersTable.Select(Scratch, "id = any($1)"), connection) { Parameters = { new NpgsqlParameter { Value = ids } } };
        var states = (await TransfersTable.ReadAllAsync(load, cancellationToken)).ToDictionary(r => r.Id, r => (TransferRecord?)r);
        foreach (var record in carried)
        {
            states[record.Id] = record;
        }

        foreach (var @event in events)
        {
            states[@event.TransferId] = TransferEvolution.Evolve(states.GetValueOrDefault(@event.TransferId), @event);
        }

        var columns = TransfersTable.ColumnArrays(states.Values.OfType<TransferRecord>().ToList());
        foreach (var texts in columns.OfType<string?[]>()) text.Add(texts);
        Statements.Add(batch, $"delete from {Scratch}.{TransfersTable.Name} where id = any(?)", ids);
        Statements.Add(batch, TransfersTable.Insert(Scratch), columns);
    }

    private async Task WriteDistrictsAsync(NpgsqlConnection connection, IEnumerable<District> districts, CancellationToken cancellationToken)
    {
        var list = districts.ToList();
        if (list.Count == 0) return;
        await using var batch = new NpgsqlBatch(connection);
        Statements.Add(
            batch,
            $"insert into {Scratch}.{ProjectionComparison.Districts} (id, data) select * from unnest(?::text[], ?::jsonb[])",
            list.Select(d => d.Id).ToArray(), list.Select(d => _serializer.ToJson(d)).ToArray());
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
