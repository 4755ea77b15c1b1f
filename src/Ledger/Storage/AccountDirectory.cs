using System.Collections.Concurrent;
using EPoomasi.Ledger.Accounts;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Which district each account belongs to. That never changes once an account is opened, so it is
/// cached: a writer needs it before locking, to name the clearing accounts of a cross-district
/// transfer, and authorization needs it on every call a coordinator makes. The cache keeps the
/// <see cref="CachedAccounts"/> most recently used, not every account of the city, so it stays a few
/// megabytes of the gateway's capped heap however many members join. An account not found is not
/// remembered, so one opened later is found then.
/// </summary>
internal sealed class AccountDirectory(LedgerStore store)
{
    /// <summary>Accounts whose district is kept in memory; an account beyond them costs one lookup by id.</summary>
    public const int CachedAccounts = 100_000;

    private readonly RecentlyUsedCache<Guid, string> _districts = new(CachedAccounts);

    // District ids are few; sharing one string per district keeps a large cache small.
    private readonly ConcurrentDictionary<string, string> _districtNames = new(StringComparer.Ordinal);

    /// <summary>Districts of the accounts among <paramref name="ids"/> that exist.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> DistrictsOfAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, string>();
        var missing = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (_districts.TryGet(id, out var district)) result[id] = district;
            else missing.Add(id);
        }

        if (missing.Count > 0)
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"select id, district_id from {store.Schema}.{AccountsTable.Name} where id = any($1)", connection)
            {
                Parameters = { new NpgsqlParameter { Value = missing.ToArray() } },
            };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result[reader.GetGuid(0)] = Remember(reader.GetGuid(0), reader.GetString(1));
            }
        }

        return result;
    }

    public string Remember(Account account) => Remember(account.Id, account.DistrictId);

    private string Remember(Guid accountId, string districtId) =>
        _districts.GetOrAdd(accountId, _districtNames.GetOrAdd(districtId, districtId));
}
