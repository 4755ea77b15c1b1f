using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Districts;
using Marten;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Pessimistic row locks on account and district states, taken in one statement per table in ascending id order.
/// Every writer locks districts before accounts and each in id order, so two writers can wait for
/// each other but never deadlock; a hot account costs a queue, never a storm of retries.
/// </summary>
internal static class RowLocks
{
    /// <summary>Locks the accounts that exist among <paramref name="ids"/>; the rest map to null.</summary>
    public static async Task<Dictionary<Guid, Account?>> LockAccountsAsync(
        IDocumentSession session, string schema, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var sorted = ids.Distinct().Order().ToArray();
        var found = new List<Account>();
        if (sorted.Length > 0)
        {
            // The session's connection, inside the transaction the session has begun.
            await using var command = new NpgsqlCommand(AccountsTable.LockByIds(schema), session.Connection)
            {
                Parameters = { new NpgsqlParameter { Value = sorted } },
            };
            found = await AccountsTable.ReadAllAsync(command, cancellationToken);
        }

        var locked = sorted.ToDictionary(id => id, _ => (Account?)null);
        foreach (var account in found)
        {
            locked[account.Id] = account;
        }

        return locked;
    }

    /// <summary>Locks the districts that exist among <paramref name="ids"/>; the rest map to null.</summary>
    public static async Task<Dictionary<string, District?>> LockDistrictsAsync(IDocumentSession session, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var sorted = ids.Distinct().Order(StringComparer.Ordinal).ToArray();
        var found = sorted.Length == 0
            ? []
            : await session.QueryAsync<District>("where d.id = any(?) order by d.id for update", cancellationToken, [sorted]);
        var locked = sorted.ToDictionary(id => id, _ => (District?)null, StringComparer.Ordinal);
        foreach (var district in found)
        {
            locked[district.Id] = district;
        }

        return locked;
    }
}
