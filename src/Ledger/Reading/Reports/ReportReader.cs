using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger.Reading.Reports;

/// <summary>
/// Reports over a district's books as of an instant. Every figure comes from statement entries decided at or
/// before the instant (each entry carries the balance after it), so a report of yesterday reads the same
/// whatever happens today. Members are summed and bucketed in SQL, and listed a page at a time.
/// </summary>
internal sealed class ReportReader(LedgerStore store)
{
    private const int Member = (int)AccountKind.Member;

    // Each account opened by the instant, with its balance and last activity as of the instant: the last entry at
    // or before it (versions grow with time, so the highest version at or before it is the latest).
    private string Standing(string condition) =>
        $"""
        select a.id, a.kind, a.counterpart_district_id, coalesce(e.balance_after_minutes, 0) as balance, e.decided_at as last_at,
               a.floor_minutes, a.cap_minutes, a.opened_at
        from {store.Schema}.{AccountsTable.Name} a
        left join lateral (
            select balance_after_minutes, decided_at from {store.Schema}.{EntriesTable.Name} x
            where x.account_id = a.id and x.decided_at <= $2 order by x.version desc limit 1) e on true
        where a.district_id = $1 and a.opened_at <= $2 and {condition}
        """;

    public async Task<Supply> SupplyAsync(string districtId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        long members = 0;
        var (issued, pot, circulation, total) = (Minutes.Zero, Minutes.Zero, Minutes.Zero, Minutes.Zero);
        var clearing = new Dictionary<string, Minutes>(StringComparer.Ordinal);
        await using (var command = Command(connection,
            $"select kind, counterpart_district_id, count(*), coalesce(sum(balance), 0)::bigint from ({Standing("true")}) s group by kind, counterpart_district_id",
            districtId, asOf))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var balance = new Minutes(reader.GetInt64(3));
                total += balance;
                switch ((AccountKind)reader.GetInt16(0))
                {
                    case AccountKind.Member: (members, circulation) = (reader.GetInt64(2), balance); break;
                    case AccountKind.Issuance: issued = -balance; break;
                    case AccountKind.CommunityPot: pot = balance; break;
                    case AccountKind.Clearing: clearing[reader.GetString(1)] = balance; break;
                }
            }
        }

        await using var granted = Command(connection,
            $"select coalesce(sum(amount_minutes), 0)::bigint from {store.Schema}.{EntriesTable.Name} where account_id = $1 and side = {(int)EntrySide.Debit} and decided_at <= $2",
            WellKnownAccounts.CommunityPot(districtId), asOf);
        var grantedFromPot = new Minutes((long)(await granted.ExecuteScalarAsync(cancellationToken))!);
        return new Supply(districtId, asOf, members, issued, grantedFromPot, pot, circulation, clearing, total);
    }

    public async Task<IReadOnlyList<MonthlyHours>> HoursByMonthAsync(string districtId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            $"""
            select to_char(e.decided_at at time zone 'Asia/Seoul', 'YYYY-MM') as month, e.code, sum(e.amount_minutes)::bigint, count(*)
            from {store.Schema}.{AccountsTable.Name} a
            join {store.Schema}.{EntriesTable.Name} e on e.account_id = a.id
            where a.district_id = $1 and a.kind = {Member} and e.side = {(int)EntrySide.Credit} and e.decided_at >= $2 and e.decided_at < $3
            group by 1, 2 order by 1, 2
            """,
            districtId, from, until);
        var rows = new List<MonthlyHours>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MonthlyHours(reader.GetString(0), (Transfers.TransferCode)reader.GetInt16(1), new Minutes(reader.GetInt64(2)), reader.GetInt64(3)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<BalanceBucket>> DistributionAsync(string districtId, DateTimeOffset asOf, IReadOnlyList<Minutes> edges, CancellationToken cancellationToken)
    {
        var bounds = edges.Select(e => e.Value).Order().ToArray();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // width_bucket gives 0 below the first edge and n past the last: n + 1 buckets in all.
        await using var command = Command(connection,
            $"select width_bucket(balance, $3::bigint[]), count(*) from ({Standing($"a.kind = {Member}")}) s group by 1",
            districtId, asOf, bounds);
        var counts = new long[bounds.Length + 1];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return counts.Select((count, i) => new BalanceBucket(i == 0 ? null : new Minutes(bounds[i - 1]), i == bounds.Length ? null : new Minutes(bounds[i]), count)).ToList();
    }

    /// <summary>Members with no entry in the <paramref name="quietFor"/> before <paramref name="asOf"/> (and opened before that), in id order.</summary>
    public Task<MemberStandingPage> DormantAsync(string districtId, DateTimeOffset asOf, TimeSpan quietFor, Guid after, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(districtId, asOf, "coalesce(last_at, opened_at) < $5", asOf - quietFor, after, pageSize, cancellationToken);

    /// <summary>
    /// Members whose balance as of <paramref name="asOf"/> is within <paramref name="within"/> of their floor or cap (as the
    /// limits stand now), in id order.
    /// </summary>
    public Task<MemberStandingPage> NearLimitsAsync(string districtId, DateTimeOffset asOf, Minutes within, Guid after, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(districtId, asOf, "(balance - floor_minutes <= $5 or cap_minutes - balance <= $5)", within.Value, after, pageSize, cancellationToken);

    /// <summary>Every member as of <paramref name="asOf"/>, in id order.</summary>
    public Task<MemberStandingPage> MembersAsync(string districtId, DateTimeOffset asOf, Guid after, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(districtId, asOf, "$5", true, after, pageSize, cancellationToken);

    /// <summary>
    /// The statement lines of every account of the district decided by <paramref name="asOf"/>, account by account in id
    /// order and each account's in its order, after (<paramref name="afterAccount"/>, <paramref name="afterPosition"/>):
    /// the order of the entries' key, so that a page costs the same however far into a large district it is.
    /// </summary>
    public async Task<DistrictEntryPage> EntriesAsync(
        string districtId, DateTimeOffset asOf, Guid afterAccount, long afterPosition, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var columns = "e." + EntriesTable.Columns.Replace(", ", ", e.", StringComparison.Ordinal);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            $"select {columns} from {store.Schema}.{AccountsTable.Name} a join {store.Schema}.{EntriesTable.Name} e on e.account_id = a.id " +
            "where a.district_id = $1 and (e.account_id, e.version) > ($3, $4) and e.decided_at <= $2 order by e.account_id, e.version limit $5",
            districtId, asOf, afterAccount, afterPosition, pageSize + 1);
        var entries = new List<DistrictEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) entries.Add(new DistrictEntry(reader.GetGuid(0), EntriesTable.ReadEntry(reader, 1)));
        }

        if (entries.Count <= pageSize) return new DistrictEntryPage(entries, null);
        var last = entries[pageSize - 1];
        return new DistrictEntryPage(entries[..pageSize], (last.AccountId, last.Entry.Position));
    }

    private async Task<MemberStandingPage> PageAsync(
        string districtId, DateTimeOffset asOf, string filter, object filterValue, Guid after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            $"select * from ({Standing($"a.kind = {Member} and a.id > $3")}) s where {filter} order by id limit $4",
            districtId, asOf, after, pageSize + 1, filterValue);
        var members = new List<MemberStanding>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                members.Add(new MemberStanding(
                    reader.GetGuid(0), new Minutes(reader.GetInt64(3)), new Minutes(reader.GetInt64(5)), new Minutes(reader.GetInt64(6)),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(7)));
            }
        }

        return members.Count > pageSize ? new MemberStandingPage(members[..pageSize], members[pageSize - 1].AccountId) : new MemberStandingPage(members, null);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
