using System.Collections.Concurrent;
using EPoomasi.Ledger.Accounts;
using Marten;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Which district each account belongs to. That never changes once an account is opened, so it is
/// cached: a writer needs it before locking, to name the clearing accounts of a cross-district
/// transfer, and authorization needs it on every call a coordinator makes. The cache keeps the
/// <see cref="CachedAccounts"/> most recently used, not every account of the city, so it stays a few
/// megabytes of the gateway's capped heap however many members join. An account not found is not
/// remembered, so one opened later is found then.
/// </summary>
internal sealed class AccountDirectory(IDocumentStore documents)
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
            await using var session = documents.QuerySession();
            foreach (var account in await session.LoadManyAsync<Account>(cancellationToken, missing))
            {
                result[account.Id] = Remember(account);
            }
        }

        return result;
    }

    public string Remember(Account account) =>
        _districts.GetOrAdd(account.Id, _districtNames.GetOrAdd(account.DistrictId, account.DistrictId));
}
