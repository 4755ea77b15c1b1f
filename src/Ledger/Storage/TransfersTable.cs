using EPoomasi.Ledger.Transfers;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Transfer records, one narrow row per transfer id: the idempotency key, the answer to a lookup by id, and
/// where a hold stands. Before, each record was a JSON document, which the gateway serialised and PostgreSQL
/// parsed into <c>jsonb</c> for every transfer: a quarter of PostgreSQL's time in the batch benchmark
/// (<c>pg_stat_statements</c>: the record insert and lookup, 33 of 136 ms per 1,000 transfers). Columns are
/// read and written by position, in the order of <see cref="Columns"/>.
/// </summary>
internal static class TransfersTable
{
    public const string Name = "transfers";

    public const string Columns =
        "id, kind, result, debit_account_id, credit_account_id, amount_minutes, code, memo, deal_id, hold_id, " +
        "reverses_transfer_id, reason, hold_timeout, expires_at, hold_state, posted_amount_minutes, resolved_by_transfer_id, " +
        "resolved_at, reversed_by_transfer_id, leg_account_ids, actor_id, on_behalf_of, channel, decided_at, requested_amount_minutes";

    // Pending holds are few among the records and are all the expirer looks for: a partial index on their
    // expiry leaves every other record out of it, so inserting a plain transfer touches no index but its key.
    public static string Create(string schema) =>
        $"""
        create table if not exists {schema}.{Name} (
            id uuid primary key,
            kind smallint not null,
            result smallint not null,
            debit_account_id uuid not null,
            credit_account_id uuid not null,
            amount_minutes bigint not null,
            code smallint not null,
            memo text not null,
            deal_id uuid,
            hold_id uuid,
            reverses_transfer_id uuid,
            reason text,
            hold_timeout interval,
            expires_at timestamptz,
            hold_state smallint,
            posted_amount_minutes bigint,
            resolved_by_transfer_id uuid,
            resolved_at timestamptz,
            reversed_by_transfer_id uuid,
            leg_account_ids uuid[] not null,
            actor_id text not null,
            on_behalf_of text,
            channel text not null,
            decided_at timestamptz not null,
            requested_amount_minutes bigint);
        create index if not exists {Name}_pending_holds_by_expiry on {schema}.{Name} (expires_at)
            where hold_state = {(int)HoldState.Pending};
        """;

    /// <summary>The statement that reads records matching <paramref name="condition"/> (a SQL clause after <c>where</c>).</summary>
    public static string Select(string schema, string condition) => $"select {Columns} from {schema}.{Name} where {condition}";

    /// <summary>Most legs a transfer has: one within a district, two across districts.</summary>
    public const int MaxLegs = 2;

    // The rows to write, as one array per column: the columns of the table, in order, except that the legs
    // come as MaxLegs pairs of nullable debit and credit ids (an array column of arrays would have to be
    // rectangular), put together into the row's array of leg account ids.
    private const string Rows =
        "unnest(?::uuid[], ?::smallint[], ?::smallint[], ?::uuid[], ?::uuid[], ?::bigint[], ?::smallint[], ?::text[], ?::uuid[], ?::uuid[], " +
        "?::uuid[], ?::text[], ?::interval[], ?::timestamptz[], ?::smallint[], ?::bigint[], ?::uuid[], ?::timestamptz[], ?::uuid[], " +
        "?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[]) " +
        "as u(id, kind, result, debit_account_id, credit_account_id, amount_minutes, code, memo, deal_id, hold_id, reverses_transfer_id, " +
        "reason, hold_timeout, expires_at, hold_state, posted_amount_minutes, resolved_by_transfer_id, resolved_at, reversed_by_transfer_id, " +
        "leg1_debit, leg1_credit, leg2_debit, leg2_credit, actor_id, on_behalf_of, channel, decided_at, requested_amount_minutes)";

    private const string Values =
        "u.id, u.kind, u.result, u.debit_account_id, u.credit_account_id, u.amount_minutes, u.code, u.memo, u.deal_id, u.hold_id, " +
        "u.reverses_transfer_id, u.reason, u.hold_timeout, u.expires_at, u.hold_state, u.posted_amount_minutes, u.resolved_by_transfer_id, " +
        "u.resolved_at, u.reversed_by_transfer_id, array_remove(array[u.leg1_debit, u.leg1_credit, u.leg2_debit, u.leg2_credit], null), " +
        "u.actor_id, u.on_behalf_of, u.channel, u.decided_at, u.requested_amount_minutes";

    /// <summary>
    /// Layout 2 to 3: a post's record remembers the amount it asked for (null: the whole hold). Posts
    /// written before cannot tell; they are taken to have named the amount they posted.
    /// </summary>
    public static string AddRequestedAmount(string schema) =>
        $"alter table {schema}.{Name} add column requested_amount_minutes bigint; " +
        $"update {schema}.{Name} set requested_amount_minutes = amount_minutes where kind = {(int)TransferKind.HoldPost}";

    /// <summary>Inserts new records, one per element of the arrays of <see cref="ColumnArrays"/> (its '?' placeholders, in order).</summary>
    public static string Insert(string schema) => $"insert into {schema}.{Name} ({Columns}) select {Values} from {Rows}";

    /// <summary>Rewrites existing records, matched by id, from the arrays of <see cref="ColumnArrays"/>.</summary>
    public static string Update(string schema) => $"update {schema}.{Name} t set ({Columns}) = ({Values}) from {Rows} where t.id = u.id";

    /// <summary>The values of <see cref="Insert"/> and <see cref="Update"/>: one array per column.</summary>
    public static object[] ColumnArrays(IReadOnlyList<TransferRecord> records)
    {
        LedgerInvariantException.Unless(records.All(r => r.Legs.Count <= MaxLegs), $"A transfer record has at most {MaxLegs} legs.");
        Guid? Leg(TransferRecord record, int leg, bool credit) =>
            leg < record.Legs.Count ? (credit ? record.Legs[leg].CreditAccountId : record.Legs[leg].DebitAccountId) : null;

        return
        [
            records.Select(r => r.Id).ToArray(),
            records.Select(r => (short)r.Kind).ToArray(),
            records.Select(r => (short)r.Result).ToArray(),
            records.Select(r => r.DebitAccountId).ToArray(),
            records.Select(r => r.CreditAccountId).ToArray(),
            records.Select(r => r.AmountMinutes.Value).ToArray(),
            records.Select(r => (short)r.Code).ToArray(),
            records.Select(r => r.Memo).ToArray(),
            records.Select(r => r.DealId).ToArray(),
            records.Select(r => r.HoldId).ToArray(),
            records.Select(r => r.ReversesTransferId).ToArray(),
            records.Select(r => r.Reason).ToArray(),
            records.Select(r => r.HoldTimeout).ToArray(),
            records.Select(r => r.ExpiresAt).ToArray(),
            records.Select(r => (short?)r.HoldState).ToArray(),
            records.Select(r => r.PostedAmountMinutes?.Value).ToArray(),
            records.Select(r => r.ResolvedByTransferId).ToArray(),
            records.Select(r => r.ResolvedAt).ToArray(),
            records.Select(r => r.ReversedByTransferId).ToArray(),
            records.Select(r => Leg(r, 0, credit: false)).ToArray(),
            records.Select(r => Leg(r, 0, credit: true)).ToArray(),
            records.Select(r => Leg(r, 1, credit: false)).ToArray(),
            records.Select(r => Leg(r, 1, credit: true)).ToArray(),
            records.Select(r => r.By.ActorId).ToArray(),
            records.Select(r => r.By.OnBehalfOf).ToArray(),
            records.Select(r => r.By.Channel).ToArray(),
            records.Select(r => r.At).ToArray(),
            records.Select(r => r.RequestedAmountMinutes?.Value).ToArray(),
        ];
    }

    public static TransferRecord Read(NpgsqlDataReader reader)
    {
        var legAccounts = reader.GetFieldValue<Guid[]>(19);
        return new TransferRecord
        {
            Id = reader.GetGuid(0),
            Kind = (TransferKind)reader.GetInt16(1),
            Result = (TransferResult)reader.GetInt16(2),
            DebitAccountId = reader.GetGuid(3),
            CreditAccountId = reader.GetGuid(4),
            AmountMinutes = new Minutes(reader.GetInt64(5)),
            Code = (TransferCode)reader.GetInt16(6),
            Memo = reader.GetString(7),
            DealId = reader.IsDBNull(8) ? null : reader.GetGuid(8),
            HoldId = reader.IsDBNull(9) ? null : reader.GetGuid(9),
            ReversesTransferId = reader.IsDBNull(10) ? null : reader.GetGuid(10),
            Reason = reader.IsDBNull(11) ? null : reader.GetString(11),
            HoldTimeout = reader.IsDBNull(12) ? null : reader.GetTimeSpan(12),
            ExpiresAt = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
            HoldState = reader.IsDBNull(14) ? null : (HoldState)reader.GetInt16(14),
            PostedAmountMinutes = reader.IsDBNull(15) ? null : new Minutes(reader.GetInt64(15)),
            ResolvedByTransferId = reader.IsDBNull(16) ? null : reader.GetGuid(16),
            ResolvedAt = reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17),
            ReversedByTransferId = reader.IsDBNull(18) ? null : reader.GetGuid(18),
            Legs = Enumerable.Range(0, legAccounts.Length / 2).Select(i => new Leg(legAccounts[2 * i], legAccounts[(2 * i) + 1])).ToList(),
            By = new Attribution(reader.GetString(20), reader.IsDBNull(21) ? null : reader.GetString(21), reader.GetString(22)),
            At = reader.GetFieldValue<DateTimeOffset>(23),
            RequestedAmountMinutes = reader.IsDBNull(24) ? null : new Minutes(reader.GetInt64(24)),
        };
    }

    /// <summary>The records that exist among <paramref name="ids"/>, in no particular order, read outside any transaction.</summary>
    public static async Task<List<TransferRecord>> LoadAsync(LedgerStore store, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Select(store.Schema, "id = any($1)"), connection)
        {
            Parameters = { new NpgsqlParameter { Value = ids.Distinct().ToArray() } },
        };
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Up to <paramref name="maxHolds"/> pending holds whose expiry is at or before <paramref name="now"/>, soonest first.</summary>
    public static async Task<List<Guid>> DuePendingHoldsAsync(LedgerStore store, DateTimeOffset now, int maxHolds, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"select id from {store.Schema}.{Name} where hold_state = {(int)HoldState.Pending} and expires_at <= $1 order by expires_at limit $2", connection)
        {
            Parameters = { new NpgsqlParameter { Value = now }, new NpgsqlParameter { Value = maxHolds } },
        };
        var due = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(reader.GetGuid(0));
        }

        return due;
    }

    /// <summary>Reads every record <paramref name="command"/> returns.</summary>
    public static async Task<List<TransferRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<TransferRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }
}
