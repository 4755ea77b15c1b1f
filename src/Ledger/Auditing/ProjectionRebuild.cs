using System.Data;
using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Modules;
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
public sealed class ProjectionRebuild
{
    private const int PageRows = 500;
    private const string Scratch = "pg_temp";

    private readonly LedgerStore _store;
    private readonly ModuleRegistry _modules;
    private readonly ISerializer _serializer;
    private readonly EventTypes _types;

    /// <summary>A rebuild of a ledger whose log holds no other module's commands.</summary>
    public ProjectionRebuild(LedgerStore store) : this(store, new ModuleRegistry())
    {
    }

    /// <summary>A rebuild that folds the entities of the kinds in <paramref name="modules"/> too.</summary>
    internal ProjectionRebuild(LedgerStore store, ModuleRegistry modules)
    {
        _store = store;
        _modules = modules;
        _serializer = store.Documents.Options.Serializer();
        _types = new EventTypes(store);
    }

    /// <summary>Rebuilds and compares; the ledger itself is only read.</summary>
    public async Task<RebuildReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _store.Connections.OpenForReadingAsync(cancellationToken);
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
        var comparison = new ProjectionComparison(_store.Schema, Scratch);
        var rows = await comparison.CountRebuiltAsync(connection, cancellationToken);
        var difference = await comparison.FirstDifferenceAsync(connection, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return new RebuildReport(read, last, rows, difference);
    }

    // The live tables' own definitions, so that a column added to one is rebuilt and compared too.
    private string ScratchTables() =>
        string.Join(
            ";",
            new[] { AccountsTable.Name, EntriesTable.Name, TransfersTable.Name, ModuleTables.States, ModuleTables.Outcomes }.Select(t =>
                $"create temporary table {t} (like {_store.Schema}.{t} including defaults) on commit drop")) +
        $";create temporary table {ProjectionComparison.Districts} (id text primary key, data jsonb not null) on commit drop" +
        $";create index on {Scratch}.{AccountsTable.Name} (id);create index on {Scratch}.{TransfersTable.Name} (id)";

    private async Task<List<(long Sequence, Guid StreamId, object Data)>> ReadPageAsync(NpgsqlConnection connection, long after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_id, type, data from {_store.Schema}.mt_events where seq_id > $1 order by seq_id limit {PageRows}", connection)
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

    private async Task ApplyAsync(NpgsqlConnection connection, List<(long Sequence, Guid StreamId, object Data)> page, Dictionary<string, District> districts, CancellationToken cancellationToken)
    {
        var accountEvents = new List<(AccountEvent Event, Guid Journal)>();
        var transferEvents = new List<TransferEvent>();
        var carried = new List<TransferRecord>();
        var modules = new List<ModuleCommandDecided>();
        foreach (var (_, stream, data) in page)
        {
            switch (data)
            {
                case AccountEvent single: accountEvents.Add((single, stream)); break;
                case AccountEventsJournaled journal: accountEvents.AddRange(journal.Events.Select(e => (e, stream))); break;
                case TransfersJournaled journal: transferEvents.AddRange(journal.Events); break;
                case TransferRecordsCarriedForward forward: carried.AddRange(forward.Records); break;
                case ModuleCommandsJournaled journal: modules.AddRange(journal.Decisions); break;
                case DistrictEvent district: districts[district.DistrictId] = DistrictEvolution.Evolve(districts.GetValueOrDefault(district.DistrictId), district); break;
                default: throw new InvalidDataException($"The event log holds {data.GetType().Name}, which no projection knows.");
            }
        }

        await using var batch = new NpgsqlBatch(connection);
        using var text = new QueuedText();
        await FoldAccountsAsync(connection, batch, accountEvents, text, cancellationToken);
        await FoldTransfersAsync(connection, batch, carried, transferEvents, text, cancellationToken);
        await FoldModulesAsync(connection, batch, modules, cancellationToken);
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

    // Each decision becomes its outcome's row, and its events fold into its entity, by the item's own kind.
    private async Task FoldModulesAsync(NpgsqlConnection connection, NpgsqlBatch batch, List<ModuleCommandDecided> decisions, CancellationToken cancellationToken)
    {
        if (decisions.Count == 0) return;
        var entities = decisions.Select(d => (d.Kind, d.Key)).Distinct().ToDictionary(entity => entity, entity => _modules.Find(entity.Kind) ?? throw new InvalidDataException(
            $"The event log holds commands of the kind '{entity.Kind}', which this process has not registered: rebuild where the module that owns it runs."));
        await using var load = new NpgsqlCommand(ModuleTables.ReadStates(Scratch), connection);
        load.Parameters.AddRange(ModuleTables.EntityKeys(entities.Keys));
        var states = await ModuleStates.ReadAsync(load, entities, cancellationToken);
        foreach (var decided in decisions.Where(d => d.Events.Count > 0))
        {
            var entity = states[(decided.Kind, decided.Key)];
            states[(decided.Kind, decided.Key)] = entity with { Version = decided.Version + decided.Events.Count, State = entity.Kind.Fold(entity.State, decided.Events), Changed = true };
        }

        foreach (var ((kind, key), entity) in states.Where(s => s.Value.Changed))
        {
            Statements.Add(batch, $"delete from {Scratch}.{ModuleTables.States} where kind = ? and key = ?", kind, key);
            var search = entity.Kind.SearchRow(entity.State!);
            Statements.Add(
                batch, ModuleTables.InsertState(Scratch), kind, key, entity.Version, ModuleWorkingSet.StateText(entity.Kind, entity), search.Vector, search.Until, DateTimeOffset.UnixEpoch);
        }

        foreach (var decided in decisions)
        {
            Statements.Add(batch, ModuleTables.InsertOutcome(Scratch), ModuleTables.OutcomeRow(decided, DateTimeOffset.UnixEpoch));
        }
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
