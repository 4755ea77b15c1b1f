using EPoomasi.Ledger.Accounts;
using EPoomasi.Ledger.Transfers;
using EPoomasi.Ledger.Modules;
using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// What a write transaction decides against: its module entities and accounts, locked, and the records of the
/// ids it names and the outcomes of its module commands, read in one round trip. Everything between the lock and the commit is time other writers of the same
/// accounts wait, so the records are not fetched in a round trip of their own (measured on the spread
/// benchmark: one of the three round trips the locks were held across).
/// <para>
/// The two statements run in order in the transaction (which they begin): the records are read once the locks
/// are held, as with <see cref="RowLocks.LockAccountsAsync"/> followed by a load.
/// </para>
/// </summary>
internal sealed record LockedSnapshot(Dictionary<Guid, Account?> Accounts, Dictionary<Guid, TransferRecord?> Records, ModuleWorkingSet Modules)
{
    /// <summary>
    /// Locks the module entities <paramref name="modules"/> names (in one order every writer shares) and the
    /// accounts that exist among <paramref name="accountIds"/> (in id order, like every writer), in that order;
    /// then reads the records that exist among <paramref name="recordIds"/> and the outcomes of the module
    /// commands' ids. What does not exist maps to null (an entity to version 0).
    /// </summary>
    public static async Task<LockedSnapshot> ReadAsync(
        WriteTransaction transaction, LedgerStore store, IEnumerable<Guid> accountIds, IEnumerable<Guid> recordIds, ModulePlan modules,
        CancellationToken cancellationToken)
    {
        var sortedAccounts = accountIds.Distinct().Order().ToArray();
        var records = recordIds.Distinct().ToArray();
        var accounts = sortedAccounts.ToDictionary(id => id, _ => (Account?)null);
        var recordsRead = records.ToDictionary(id => id, _ => (TransferRecord?)null);

        await using var batch = transaction.CreateBatch();
        var withModules = modules.Entities.Count > 0;
        if (withModules)
        {
            // Entities before accounts: a transaction with module commands locks both, one without locks accounts alone.
            var lockEntities = new NpgsqlBatchCommand(ModuleTables.LockStates(store.Schema));
            lockEntities.Parameters.AddRange(ModuleTables.EntityKeys([.. modules.Entities.Keys]));
            batch.BatchCommands.Add(lockEntities);
        }

        batch.BatchCommands.Add(Command(AccountsTable.LockByIds(store.Schema), sortedAccounts));
        // The records' statement is left out when no id is asked for: it cost PostgreSQL a planning each time.
        if (records.Length > 0)
        {
            batch.BatchCommands.Add(Command(TransfersTable.Select(store.Schema, "id = any($1)"), records));
        }

        if (withModules)
        {
            batch.BatchCommands.Add(Command(ModuleTables.ReadOutcomes(store.Schema), modules.CommandIds.ToArray()));
        }

        await using var reader = await transaction.ReadAsync(batch, cancellationToken);
        var entities = withModules ? await ModuleStates.ReadAsync(reader, modules.Entities, cancellationToken) : [];
        if (withModules) await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var account = AccountsTable.Read(reader);
            accounts[account.Id] = account;
        }

        if (records.Length > 0 && await reader.NextResultAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = TransfersTable.Read(reader);
                recordsRead[record.Id] = record;
            }
        }

        var outcomes = withModules && await reader.NextResultAsync(cancellationToken)
            ? await ModuleStates.ReadOutcomesAsync(reader, modules.CommandIds, cancellationToken)
            : [];
        return new LockedSnapshot(accounts, recordsRead, withModules ? new ModuleWorkingSet(entities, outcomes) : ModuleWorkingSet.Empty);
    }

    private static NpgsqlBatchCommand Command(string sql, Guid[] ids) => new(sql) { Parameters = { new NpgsqlParameter { Value = ids } } };
}
