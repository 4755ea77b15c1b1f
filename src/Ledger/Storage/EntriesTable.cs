using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Reading;
using EPoomasi.Ledger.Transfers;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Statement lines: one narrow row per <see cref="EntryPosted"/>, written in the same transaction as the
/// journal it is projected from (<see cref="AccountEventsJournaled"/>), keyed by account and the account's
/// version after the entry — the position a statement pages by. Statements, balances as of an instant and
/// live feeds read these rows by key instead of picking entries out of the event log.
/// </summary>
internal static class EntriesTable
{
    public const string Name = "entries";

    /// <summary>The columns of an entry, in the order <see cref="ReadEntry"/> reads them after the account id.</summary>
    public const string Columns =
        "account_id, version, transfer_id, side, amount_minutes, balance_after_minutes, counterparty_account_id, code, memo, " +
        "actor_id, on_behalf_of, channel, decided_at";

    public static string Create(string schema) =>
        $"""
        create table if not exists {schema}.{Name} (
            account_id uuid not null,
            version bigint not null,
            transfer_id uuid not null,
            side smallint not null,
            amount_minutes bigint not null,
            balance_after_minutes bigint not null,
            counterparty_account_id uuid not null,
            code smallint not null,
            memo text not null,
            actor_id text not null,
            on_behalf_of text,
            channel text not null,
            decided_at timestamptz not null,
            journal_id uuid not null,
            primary key (account_id, version))
        """;

    /// <summary>Inserts entries, one per element of the arrays of <see cref="ColumnArrays"/> (its '?' placeholders, in order).</summary>
    public static string InsertMany(string schema) =>
        $"insert into {schema}.{Name} ({Columns}, journal_id) " +
        "select * from unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::smallint[], ?::bigint[], ?::bigint[], " +
        "?::uuid[], ?::smallint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::uuid[])";

    /// <summary>The values of <see cref="InsertMany"/>: each entry at its account's version after it, in the journal it came in.</summary>
    public static object[] ColumnArrays(IReadOnlyList<(long Version, EntryPosted Entry, Guid Journal)> entries, QueuedText text) =>
    [
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
        entries.Select(e => e.Entry.At).ToArray(),
        entries.Select(e => e.Journal).ToArray(),
    ];

    /// <summary>Reads an entry whose <see cref="Columns"/> after the account id start at <paramref name="first"/>.</summary>
    public static StatementEntry ReadEntry(NpgsqlDataReader reader, int first) => new(
        Position: reader.GetInt64(first),
        TransferId: reader.GetGuid(first + 1),
        Side: (EntrySide)reader.GetInt16(first + 2),
        AmountMinutes: new Minutes(reader.GetInt64(first + 3)),
        BalanceAfterMinutes: new Minutes(reader.GetInt64(first + 4)),
        CounterpartyAccountId: reader.GetGuid(first + 5),
        Code: (TransferCode)reader.GetInt16(first + 6),
        Memo: reader.GetString(first + 7),
        By: new Attribution(reader.GetString(first + 8), reader.IsDBNull(first + 9) ? null : reader.GetString(first + 9), reader.GetString(first + 10)),
        At: reader.GetFieldValue<DateTimeOffset>(first + 11));
}
