using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Districts;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Transfers;
using Npgsql;

namespace EPoomasi.Ledger.Reading;

/// <summary>
/// Everything a member, coordinator or auditor reads. Reads come from the same committed state that
/// writes lock and validate against, never from an asynchronous projection.
/// </summary>
public sealed class LedgerReader(LedgerStore store)
{
    /// <summary>The account, or null when no account has this id.</summary>
    public async Task<Account?> GetAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var accounts = await GetAccountsAsync([accountId], cancellationToken);
        return accounts.Count == 0 ? null : accounts[0];
    }

    /// <summary>The accounts that exist among these ids, in no particular order.</summary>
    public async Task<IReadOnlyList<Account>> GetAccountsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, AccountsTable.Select(store.Schema, "id = any($1)"), accountIds.Distinct().ToArray());
        return await AccountsTable.ReadAllAsync(command, cancellationToken);
    }

    /// <summary>The district of each account among these ids that exists; an account's district never changes, so this is cached.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> GetDistrictsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken) =>
        store.Directory.DistrictsOfAsync(accountIds, cancellationToken);

    /// <summary>The district's settings, or null.</summary>
    public async Task<District?> GetDistrictAsync(string districtId, CancellationToken cancellationToken)
    {
        await using var session = store.Documents.QuerySession();
        return await session.LoadAsync<District>(districtId, cancellationToken);
    }

    /// <summary>The records of these transfer ids, in the order asked; ids never decided are left out.</summary>
    /// <exception cref="ArgumentException">More than <see cref="LedgerLimits.MaxLookupIds"/> ids.</exception>
    public async Task<IReadOnlyList<TransferRecord>> LookupTransfersAsync(IReadOnlyCollection<Guid> transferIds, CancellationToken cancellationToken)
    {
        if (transferIds.Count > LedgerLimits.MaxLookupIds)
        {
            throw new ArgumentException($"At most {LedgerLimits.MaxLookupIds} ids per lookup.", nameof(transferIds));
        }

        var found = (await TransfersTable.LoadAsync(store, transferIds, cancellationToken)).ToDictionary(r => r.Id);
        return transferIds.Distinct().Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>
    /// Up to <paramref name="pageSize"/> entries after position <paramref name="afterCursor"/> (0 for the
    /// start), oldest first, each with the running balance. Null when the account does not exist.
    /// </summary>
    public async Task<StatementPage?> GetStatementAsync(Guid accountId, long afterCursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, LedgerLimits.MaxStatementPageSize);
        ArgumentOutOfRangeException.ThrowIfNegative(afterCursor);

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"select {EntriesTable.Columns} from {store.Schema}.{EntriesTable.Name} where account_id = $1 and version > $2 order by version limit $3",
            accountId, afterCursor, pageSize);
        var entries = new List<StatementEntry>(pageSize);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(EntriesTable.ReadEntry(reader, 1));
            }
        }

        if (entries.Count == 0 && !await ExistsAsync(connection, accountId, cancellationToken))
        {
            return null;
        }

        return new StatementPage(entries, entries.Count == pageSize ? entries[^1].Position : null);
    }

    /// <summary>
    /// The balance after the last entry at or before <paramref name="instant"/> (zero before the first).
    /// Null when the account does not exist.
    /// </summary>
    public async Task<Minutes?> GetBalanceAtAsync(Guid accountId, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        // The instant an entry was decided at is the one it records, which is also what statements show.
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"select balance_after_minutes from {store.Schema}.{EntriesTable.Name} where account_id = $1 and decided_at <= $2 order by version desc limit 1",
            accountId, instant);
        if (await command.ExecuteScalarAsync(cancellationToken) is long balance)
        {
            return new Minutes(balance);
        }

        return await ExistsAsync(connection, accountId, cancellationToken) ? Minutes.Zero : null;
    }

    /// <summary>
    /// The version of each existing account among these ids. It grows with every event of the account,
    /// so whoever follows an account can tell there is something new without reading it.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, long>> GetVersionsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<Guid, long>(accountIds.Count);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection, $"select id, version from {store.Schema}.{AccountsTable.Name} where id = any($1)", accountIds.Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    /// <summary>The district's trial balance and supply, or null when the district does not exist.</summary>
    public async Task<TrialBalance?> GetTrialBalanceAsync(string districtId, CancellationToken cancellationToken)
    {
        if (!await DistrictExistsAsync(districtId, cancellationToken))
        {
            return null;
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var own = Command(connection, AccountsTable.Select(store.Schema, $"district_id = $1 and kind <> {(int)AccountKind.Member} order by kind, id"), districtId);
        var accounts = await AccountsTable.ReadAllAsync(own, cancellationToken);
        // The members are summed where they are, not carried here: a district may have a hundred thousand.
        await using var sums = Command(
            connection,
            "select count(*), coalesce(sum(credits_posted - debits_posted), 0)::bigint, coalesce(sum(debits_pending), 0)::bigint " +
            $"from {store.Schema}.{AccountsTable.Name} where district_id = $1 and kind = {(int)AccountKind.Member}",
            districtId);
        await using var reader = await sums.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (members, circulation, pending) = (reader.GetInt64(0), new Minutes(reader.GetInt64(1)), new Minutes(reader.GetInt64(2)));

        var issuance = accounts.Single(a => a.Kind == AccountKind.Issuance);
        var pot = accounts.Single(a => a.Kind == AccountKind.CommunityPot);
        return new TrialBalance(
            districtId,
            accounts,
            members,
            TotalMinutes: Sum(accounts.Select(a => a.Balance)) + circulation,
            IssuedMinutes: -issuance.Balance,
            MintBudgetRemainingMinutes: issuance.Available - issuance.Floor,
            GrantedFromPotMinutes: pot.DebitsPosted,
            CommunityPotMinutes: pot.Balance,
            InCirculationMinutes: circulation,
            PendingMinutes: pending,
            ClearingPositions: accounts.Where(a => a.Kind == AccountKind.Clearing).ToDictionary(a => a.CounterpartDistrictId!, a => a.Balance));
    }

    /// <summary>Up to <paramref name="pageSize"/> of the district's member accounts after <paramref name="after"/>, by id; null when there is no such district.</summary>
    public async Task<AccountPage?> ListMemberAccountsAsync(string districtId, Guid after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (!await DistrictExistsAsync(districtId, cancellationToken))
        {
            return null;
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection, AccountsTable.Select(store.Schema, $"district_id = $1 and kind = {(int)AccountKind.Member} and id > $2 order by id limit $3"),
            districtId, after, pageSize + 1);
        var accounts = await AccountsTable.ReadAllAsync(command, cancellationToken);
        return accounts.Count > pageSize ? new AccountPage(accounts[..pageSize], accounts[pageSize - 1].Id) : new AccountPage(accounts, null);
    }

    /// <summary>Every district, by id.</summary>
    public async Task<IReadOnlyList<District>> ListDistrictsAsync(CancellationToken cancellationToken)
    {
        await using var session = store.Documents.QuerySession();
        var districts = await Marten.QueryableExtensions.ToListAsync(session.Query<District>(), cancellationToken);
        return [.. districts.OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    private async Task<bool> DistrictExistsAsync(string districtId, CancellationToken cancellationToken)
    {
        await using var session = store.Documents.QuerySession();
        return await session.LoadAsync<District>(districtId, cancellationToken) is not null;
    }

    private static Minutes Sum(IEnumerable<Minutes> amounts) => amounts.Aggregate(Minutes.Zero, (sum, amount) => sum + amount);

    private async Task<bool> ExistsAsync(NpgsqlConnection connection, Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"select 1 from {store.Schema}.{AccountsTable.Name} where id = $1", accountId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
