using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using Marten;
using Marten.Events;
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
    private readonly EventGraph _events = (EventGraph)((StoreOptions)store.Documents.Options).Events;

    /// <summary>Most account events per journal event: about 24,000 characters of JSON, below the large object heap.</summary>
    private const int JournalChunk = 64;

    /// <summary>
    /// Adds the writes to <paramref name="batch"/>. Dispose the result once the batch has run (see <see cref="QueuedText"/>).
    /// </summary>
    public QueuedText Queue(
        NpgsqlBatch batch,
        IReadOnlyList<AccountEvent> events,
        IEnumerable<Account> changedAccounts,
        IEnumerable<TransferRecord> changedRecords,
        IReadOnlyDictionary<Guid, TransferRecord?> recordsBefore,
        DateTimeOffset now)
    {
        var text = new QueuedText();
        var accounts = changedAccounts.ToList();
        if (events.Count > 0)
        {
            QueueEvents(batch, events, accounts, now, text);
            QueueAccounts(batch, accounts);
        }

        // Inserts in id order, so that two transactions racing on the same new ids wait in one order.
        var records = changedRecords.OrderBy(r => r.Id).ToList();
        QueueRecords(batch, records.Where(r => recordsBefore[r.Id] is null).ToList(), insert: true, text);
        QueueRecords(batch, records.Where(r => recordsBefore[r.Id] is not null).ToList(), insert: false, text);
        return text;
    }

    private void QueueEvents(NpgsqlBatch batch, IReadOnlyList<AccountEvent> events, List<Account> accounts, DateTimeOffset now, QueuedText text)
    {
        // The journal: a stream of its own holding every account event in decision order, JournalChunk to an
        // event. One event for a whole transaction was one string of megabytes in the gateway (a flood of
        // 8,000-transfer batches then ran the capped heap out of memory); chunks stay small objects.
        var journal = Guid.CreateVersion7(now);
        var mapping = _events.EventMappingFor(typeof(AccountEventsJournaled));
        var chunks = events.Chunk(JournalChunk).Select(chunk => _serializer.ToJson(new AccountEventsJournaled(chunk))).ToArray();
        Add(
            batch,
            $"insert into {_schema}.mt_streams (id, type, version, timestamp, created, tenant_id) values (?, 'journal', ?, ?, ?, ?)",
            journal, (long)chunks.Length, now, now, JasperFx.StorageConstants.DefaultTenantId);
        Add(
            batch,
            $"insert into {_schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived) " +
            $"select nextval('{_schema}.mt_events_sequence'), j.id, ?, j.version, j.data::jsonb, ?, ?, ?, ?, false " +
            "from unnest(?::uuid[], ?::bigint[], ?::text[]) as j(id, version, data)",
            journal, mapping.EventTypeName, JasperFx.StorageConstants.DefaultTenantId, now, mapping.DotNetTypeName,
            chunks.Select(_ => Guid.CreateVersion7(now)).ToArray(), chunks.Select((_, i) => (long)i + 1).ToArray(), text.Add(chunks));

        QueueEntries(batch, events, accounts, journal, text);
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

        Add(
            batch,
            $"insert into {_schema}.{EntriesTable.Name} ({EntriesTable.Columns}, journal_id) " +
            "select e.*, ? from unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::smallint[], ?::bigint[], ?::bigint[], " +
            "?::uuid[], ?::smallint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) as e",
            journal,
            entries.Select(e => e.Entry.AccountId).ToArray(),
            entries.Select(e => e.Version).ToArray(),
            entries.Select(e => e.Entry.TransferId).ToArray(),
            entries.Select(e => (short)e.Entry.Side).ToArray(),
            entries.Select(e => e.Entry.AmountMinutes.Value).ToArray(),
            entries.Select(e => e.Entry.BalanceAfterMinutes.Value).ToArray(),
            entries.Select(e => e.Entry.CounterpartyAccountId).ToArray(),
            entries.Select(e => (short)e.Entry.Code).ToArray(),
            text.Add(entries.Select(e => e.Entry.Memo).ToArray()),
            entries.Select(e => e.Entry.By.ActorId).ToArray(),
            entries.Select(e => e.Entry.By.OnBehalfOf).ToArray(),
            entries.Select(e => e.Entry.By.Channel).ToArray(),
            entries.Select(e => e.Entry.At).ToArray());
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

    // The statements read best with their values in order, as Marten's '?' placeholders; PostgreSQL wants $1, $2, ...
    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var parts = sql.Split('?');
        if (parts.Length != values.Length + 1)
        {
            throw new ArgumentException($"The statement has {parts.Length - 1} placeholders for {values.Length} values.", nameof(values));
        }

        var command = new NpgsqlBatchCommand(string.Concat(parts.Select((part, i) => i == 0 ? part : $"${i}{part}")));
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        batch.BatchCommands.Add(command);
    }
}
