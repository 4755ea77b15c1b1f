using System.Collections.Concurrent;
using EPoomasi.Ledger.Accounts;
using Marten;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Which district each account belongs to. That never changes once an account is opened, so it is
/// cached: a writer needs it before locking, to name the clearing accounts of a cross-district transfer.
/// </summary>
internal sealed class AccountDirectory
{
    private readonly ConcurrentDictionary<Guid, string> _districts = new();

    /// <summary>Districts of the accounts among <paramref name="ids"/> that exist.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> DistrictsOfAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, string>();
        var missing = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (_districts.TryGetValue(id, out var district)) result[id] = district;
            else missing.Add(id);
        }

        if (missing.Count > 0)
        {
            foreach (var account in await session.LoadManyAsync<Account>(cancellationToken, missing))
            {
                Remember(account);
                result[account.Id] = account.DistrictId;
            }
        }

        return result;
    }

    public void Remember(Account account) => _districts.TryAdd(account.Id, account.DistrictId);
}
