using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Modules;
using EPoomasi.Ledger.Transfers;
using Marten;
using EPoomasi.Ledger.Transfers.Deciding;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Writes what one transfer transaction decided — its journal (a few events holding every account event),
/// the statement entries projected from it, account states and transfer records — in a handful of
/// set-based statements whatever the number of items, sent with the transaction's commit (see
/// <see cref="WriteTransaction"/>). The profile of the batch benchmark showed PostgreSQL spending most of its
/// time in Marten's per-stream append function and per-document upserts; one <c>unnest</c> per table does
/// the same work once per transaction.
/// <para>
/// It relies on what the caller guarantees: every account is locked and exists, and
/// <see cref="Account.Version"/> counts its events. Should that ever not hold, the primary key of the
/// entries fails the whole transaction; nothing is half written.
/// </para>
/// </summary>
internal sealed class SetBasedWrites(LedgerStore store)
{
    private readonly ISerializer _serializer = store.Documents.Options.Serializer();
    private readonly string _schema = store.Schema;
    private readonly EventRows _rows = new(store);

    /// <summary>Most account events per journal event: about 24,000 characters of JSON, below the large object heap.</summary>
    public const int JournalChunk = 64;

    /// <summary>
    /// Adds the writes to <paramref name="batch"/>. Dispose the result once the batch has run (see <see cref="QueuedText"/>).
    /// </summary>
    public QueuedText Queue(
        NpgsqlBatch batch,
        LedgerWorkingSet decided,
        IReadOnlyDictionary<Guid, TransferRecord?> recordsBefore,
        ModuleWorkingSet modules,
        DateTimeOffset now)
    {
        var text = new QueuedText();
        var accounts = decided.ChangedAccounts.ToList();
        if (decided.Events.Count > 0 || decided.TransferEvents.Count > 0 || modules.Decided.Count > 0)
        {
            var journal = QueueJournal(batch, decided.Events, decided.TransferEvents, modules.Decided, now, text);
            QueueEntries(batch, decided.Events, accounts, journal, text);
        }

        QueueModules(batch, modules, now);

        if (accounts.Count > 0)
        {
            QueueAccounts(batch, accounts);
        }

        // Inserts in id order, so that two transactions racing on the same new ids wait in one order.
        var records = decided.ChangedRecords.OrderBy(r => r.Id).ToList();
        QueueRecords(batch, records.Where(r => recordsBefore[r.Id] is null).ToList(), insert: true, text);
        QueueRecords(batch, records.Where(r => recordsBefore[r.Id] is not null).ToList(), insert: false, text);
        return text;
    }

    // The journal: a stream of its own holding every account event and every transfer event of the
    // transaction in decision order, JournalChunk to an event. One event for a whole transaction was one
    // string of megabytes in the gateway (a flood of 8,000-transfer batches then ran the capped heap out of
    // memory); chunks stay small objects.
    private Guid QueueJournal(
        NpgsqlBatch batch, IReadOnlyList<AccountEvent> events, IReadOnlyList<TransferEvent> transferEvents, IReadOnlyList<ModuleCommandDecided> moduleDecisions,
        DateTimeOffset now, QueuedText text)
    {
        var journal = Guid.CreateVersion7(now);
        var chunks = events.Chunk(JournalChunk).Select(chunk => (typeof(AccountEventsJournaled), _serializer.ToJson(new AccountEventsJournaled(chunk))))
            .Concat(transferEvents.Chunk(JournalChunk).Select(chunk => (typeof(TransfersJournaled), _serializer.ToJson(new TransfersJournaled(chunk)))))
            .Concat(moduleDecisions.Chunk(JournalChunk).Select(chunk => (typeof(ModuleCommandsJournaled), _serializer.ToJson(new ModuleCommandsJournaled(chunk)))))
            .ToList();
        _rows.QueueNewStream(batch, journal, "journal", chunks, now, text);
        return journal;
    }

    // The statement lines projected from the journal just queued: each entry at its account's version,
    // the position statements page by.
    private void QueueEntries(NpgsqlBatch batch, IReadOnlyList<AccountEvent> events, List<Account> accounts, Guid journal, QueuedText text)
    {
        // Each account's new events take the versions just below its new version, in decision order.
        var next = accounts.ToDictionary(a => a.Id, a => a.Version);
        foreach (var @event in events)
        {
            next[@event.AccountId]--;
        }

        var entries = new List<(long Version, EntryPosted Entry)>(events.Count);
        foreach (var @event in events)
        {
            var version = ++next[@event.AccountId];
            if (@event is EntryPosted entry) entries.Add((version, entry));
        }

        if (entries.Count == 0)
        {
            return;
        }

        Add(batch, EntriesTable.InsertMany(_schema), EntriesTable.ColumnArrays(entries.Select(e => (e.Version, e.Entry, journal)).ToList(), text));
    }

    // A transfer moves only posted and pending amounts; limits and status change by administration alone.
    private void QueueAccounts(NpgsqlBatch batch, List<Account> accounts) =>
        Add(
            batch,
            $"update {_schema}.{AccountsTable.Name} a set debits_posted = u.debits_posted, credits_posted = u.credits_posted, " +
            "debits_pending = u.debits_pending, credits_pending = u.credits_pending, version = u.version " +
            "from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) " +
            "as u(id, debits_posted, credits_posted, debits_pending, credits_pending, version) where a.id = u.id",
            accounts.Select(a => a.Id).ToArray(),
            accounts.Select(a => a.DebitsPosted.Value).ToArray(),
            accounts.Select(a => a.CreditsPosted.Value).ToArray(),
            accounts.Select(a => a.DebitsPending.Value).ToArray(),
            accounts.Select(a => a.CreditsPending.Value).ToArray(),
            accounts.Select(a => a.Version).ToArray());

    private void QueueRecords(NpgsqlBatch batch, List<TransferRecord> records, bool insert, QueuedText text)
    {
        if (records.Count == 0)
        {
            return;
        }

        var columns = TransfersTable.ColumnArrays(records);
        foreach (var texts in columns.OfType<string?[]>())
        {
            text.Add(texts);
        }

        Add(batch, insert ? TransfersTable.Insert(_schema) : TransfersTable.Update(_schema), columns);
    }

    // Module commands are few in a transaction, beside hundreds of transfers: a statement per row.
    private void QueueModules(NpgsqlBatch batch, ModuleWorkingSet modules, DateTimeOffset now)
    {
        foreach (var ((kind, key), entity) in modules.ChangedEntities.OrderBy(c => c.Entity.Kind, StringComparer.Ordinal).ThenBy(c => c.Entity.Key, StringComparer.Ordinal))
        {
            var state = ModuleWorkingSet.StateText(entity.Kind, entity);
            var search = entity.Search ?? Modules.Searching.SearchRow.None;
            if (entity.Existed) Add(batch, ModuleTables.UpdateState(_schema), entity.Version, state, search.Vector, search.Until, now, kind, key);
            else Add(batch, ModuleTables.InsertState(_schema), kind, key, entity.Version, state, search.Vector, search.Until, now);
        }

        foreach (var decided in modules.Decided.OrderBy(d => d.CommandId))
        {
            Add(batch, ModuleTables.InsertOutcome(_schema), ModuleTables.OutcomeRow(decided, now));
        }
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values) => Statements.Add(batch, sql, values);
}
