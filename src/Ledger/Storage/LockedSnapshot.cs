using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// What a transfer transaction decides against: its accounts, locked, and the records of the ids it names,
/// read in one round trip. Everything between the lock and the commit is time other writers of the same
/// accounts wait, so the records are not fetched in a round trip of their own (measured on the spread
/// benchmark: one of the three round trips the locks were held across).
/// <para>
/// The two statements run in order in the transaction (which they begin): the records are read once the locks
/// are held, as with <see cref="RowLocks.LockAccountsAsync"/> followed by a load.
/// </para>
/// </summary>
internal sealed record LockedSnapshot(Dictionary<Guid, Account?> Accounts, Dictionary<Guid, TransferRecord?> Records)
{
    /// <summary>
    /// Locks the accounts that exist among <paramref name="accountIds"/> (in id order, like every writer) and
    /// reads the records that exist among <paramref name="recordIds"/>; what does not exist maps to null.
    /// </summary>
    public static async Task<LockedSnapshot> ReadAsync(
        WriteTransaction transaction, LedgerStore store, IEnumerable<Guid> accountIds, IEnumerable<Guid> recordIds, CancellationToken cancellationToken)
    {
        var sortedAccounts = accountIds.Distinct().Order().ToArray();
        var records = recordIds.Distinct().ToArray();
        var snapshot = new LockedSnapshot(
            sortedAccounts.ToDictionary(id => id, _ => (Account?)null),
            records.ToDictionary(id => id, _ => (TransferRecord?)null));

        await using var batch = transaction.CreateBatch();
        batch.BatchCommands.Add(Command(AccountsTable.LockByIds(store.Schema), sortedAccounts));
        if (records.Length > 0)
        {
            batch.BatchCommands.Add(Command(TransfersTable.Select(store.Schema, "id = any($1)"), records));
        }

        await using var reader = await transaction.ReadAsync(batch, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var account = AccountsTable.Read(reader);
            snapshot.Accounts[account.Id] = account;
        }

        // The records' statement is left out when no id is asked for: it cost PostgreSQL a planning each time.
        if (await reader.NextResultAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = TransfersTable.Read(reader);
                snapshot.Records[record.Id] = record;
            }
        }

        return snapshot;
    }

    private static NpgsqlBatchCommand Command(string sql, Guid[] ids) => new(sql) { Parameters = { new NpgsqlParameter { Value = ids } } };
}
