using EPoomasi.Ledger.Accounts;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Account states, one narrow row per account: what every writer locks and validates against. Before, each
/// state was a JSON document; a transfer transaction read, parsed, rebuilt and rewrote two of them per
/// transfer (docs/performance.md, finding 9). Columns are read and written by position, in the order of <see cref="Columns"/>.
/// </summary>
internal static class AccountsTable
{
    public const string Name = "accounts";

    public const string Columns =
        "id, district_id, kind, counterpart_district_id, floor_minutes, cap_minutes, status, " +
        "debits_posted, credits_posted, debits_pending, credits_pending, version, opened_at";

    // With room left on each page PostgreSQL updates a row in place (a HOT update) instead of adding index
    // entries for every new row version; every transfer rewrites its accounts' rows, and the table holds one
    // row per account, so the space is small.
    public static string Create(string schema) =>
        $"""
        create table if not exists {schema}.{Name} (
            id uuid primary key,
            district_id text not null,
            kind smallint not null,
            counterpart_district_id text,
            floor_minutes bigint not null,
            cap_minutes bigint not null,
            status smallint not null,
            debits_posted bigint not null,
            credits_posted bigint not null,
            debits_pending bigint not null,
            credits_pending bigint not null,
            version bigint not null,
            opened_at timestamptz not null)
        with (fillfactor = 50);
        create index if not exists {Name}_by_district_kind_id on {schema}.{Name} (district_id, kind, id);
        drop index if exists {schema}.{Name}_district_id;
        """;

    /// <summary>The statement that reads accounts matching <paramref name="condition"/> (a SQL clause after <c>where</c>).</summary>
    public static string Select(string schema, string condition) => $"select {Columns} from {schema}.{Name} where {condition}";

    /// <summary>
    /// Locks and reads the accounts among the ids of parameter <c>$1</c>, in id order: the order every writer
    /// takes account locks in, so that writers queue but never deadlock.
    /// </summary>
    public static string LockByIds(string schema) => Select(schema, "id = any($1) order by id for update");

    public static Account Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        DistrictId = reader.GetString(1),
        Kind = (AccountKind)reader.GetInt16(2),
        CounterpartDistrictId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Floor = new Minutes(reader.GetInt64(4)),
        Cap = new Minutes(reader.GetInt64(5)),
        Status = (AccountStatus)reader.GetInt16(6),
        DebitsPosted = new Minutes(reader.GetInt64(7)),
        CreditsPosted = new Minutes(reader.GetInt64(8)),
        DebitsPending = new Minutes(reader.GetInt64(9)),
        CreditsPending = new Minutes(reader.GetInt64(10)),
        Version = reader.GetInt64(11),
        OpenedAt = reader.GetFieldValue<DateTimeOffset>(12),
    };

    /// <summary>Reads every account <paramref name="command"/> returns.</summary>
    public static async Task<List<Account>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var accounts = new List<Account>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    /// <summary>Inserts accounts, one per element of the arrays of <see cref="ColumnArrays"/> (its '?' placeholders, in order).</summary>
    public static string InsertMany(string schema) =>
        $"insert into {schema}.{Name} ({Columns}) select * from unnest(?::uuid[], ?::text[], ?::smallint[], ?::text[], ?::bigint[], ?::bigint[], " +
        "?::smallint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[])";

    /// <summary>The values of <see cref="InsertMany"/>: one array per column.</summary>
    public static object[] ColumnArrays(IReadOnlyList<Account> accounts) =>
    [
        accounts.Select(a => a.Id).ToArray(),
        accounts.Select(a => a.DistrictId).ToArray(),
        accounts.Select(a => (short)a.Kind).ToArray(),
        accounts.Select(a => a.CounterpartDistrictId).ToArray(),
        accounts.Select(a => a.Floor.Value).ToArray(),
        accounts.Select(a => a.Cap.Value).ToArray(),
        accounts.Select(a => (short)a.Status).ToArray(),
        accounts.Select(a => a.DebitsPosted.Value).ToArray(),
        accounts.Select(a => a.CreditsPosted.Value).ToArray(),
        accounts.Select(a => a.DebitsPending.Value).ToArray(),
        accounts.Select(a => a.CreditsPending.Value).ToArray(),
        accounts.Select(a => a.Version).ToArray(),
        accounts.Select(a => a.OpenedAt).ToArray(),
    ];

    /// <summary>Inserts or entirely replaces one account's row (administration: opening, limits, status).</summary>
    public static NpgsqlCommand Upsert(string schema, Account account) => new(
        $"insert into {schema}.{Name} ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict (id) do update set " +
        "floor_minutes = excluded.floor_minutes, cap_minutes = excluded.cap_minutes, status = excluded.status, " +
        "debits_posted = excluded.debits_posted, credits_posted = excluded.credits_posted, debits_pending = excluded.debits_pending, " +
        "credits_pending = excluded.credits_pending, version = excluded.version")
    {
        Parameters =
        {
            new() { Value = account.Id }, new() { Value = account.DistrictId }, new() { Value = (short)account.Kind },
            new() { Value = (object?)account.CounterpartDistrictId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
            new() { Value = account.Floor.Value }, new() { Value = account.Cap.Value }, new() { Value = (short)account.Status },
            new() { Value = account.DebitsPosted.Value }, new() { Value = account.CreditsPosted.Value },
            new() { Value = account.DebitsPending.Value }, new() { Value = account.CreditsPending.Value },
            new() { Value = account.Version }, new() { Value = account.OpenedAt },
        },
    };
}
