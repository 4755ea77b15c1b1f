using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Which physical layout a ledger schema was written in, and the steps that carry an older one forward.
/// Each step runs in one transaction with its new mark, under a lock that makes a second process starting
/// at the same moment wait and then find the work done. A schema marked with a layout newer than this code
/// is refused: this code would misread it.
/// <list type="bullet">
/// <item>2 → 3: a post's record remembers the amount it asked for.</item>
/// <item>3 → 4: the event log holds transfer events; the records written before are carried into it
/// (<see cref="Transfers.TransferRecordsCarriedForward"/>).</item>
/// <item>4 → 5: module states gain a searchable text column (<see cref="Modules.Searching.ModuleSearch"/>).</item>
/// <item>5 → 6: and the instant search stops finding them (<see cref="Modules.Searching.SearchEntry.Until"/>).</item>
/// <item>6 → 7: the version of each kind's tokenizer that indexed its states (<see cref="LedgerModule.ReindexStaleAsync"/>).</item>
/// </list>
/// Layout 1 (account states and records as JSON documents, before the layout was marked) predates every
/// ledger that was ever run for real and is refused.
/// </summary>
internal static class StorageLayout
{
    /// <summary>The layout this code reads and writes.</summary>
    public const int Current = 7;

    public const string Table = "storage_layout";

    /// <summary>The layout the schema is marked with, or null for a schema that holds no ledger yet.</summary>
    public static async Task<int?> ReadAsync(NpgsqlConnection connection, string schema)
    {
        await ExecuteAsync(connection, null, $"create table if not exists {schema}.{Table} (version int not null)");
        return await ScalarAsync(connection, null, $"select max(version) from {schema}.{Table}") as int?;
    }

    /// <summary>
    /// Marks a schema that holds no events yet with <see cref="Current"/>, carries an older layout forward
    /// step by step, or accepts the current one.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema holds data of a layout this code cannot read or carry forward.</exception>
    public static async Task EnsureCurrentAsync(LedgerStore store, NpgsqlConnection connection)
    {
        var schema = store.Schema;
        var marked = await ReadAsync(connection, schema);
        if (marked is null)
        {
            if (await ScalarAsync(connection, null, $"select exists (select 1 from {schema}.mt_events)") is true)
            {
                throw Refusal(schema, "an earlier storage layout (1)");
            }

            await ExecuteAsync(connection, null, $"insert into {schema}.{Table} (version) values ({Current})");
            return;
        }

        if (marked > Current || marked < 2)
        {
            throw Refusal(schema, $"storage layout {marked}");
        }

        while (marked < Current)
        {
            marked = await StepAsync(store, connection, from: marked.Value);
        }
    }

    // One step forward, in one transaction: the change and the new mark land together or not at all. The
    // lock on the mark makes a second process wait, then see the step done and do nothing.
    private static async Task<int> StepAsync(LedgerStore store, NpgsqlConnection connection, int from)
    {
        var schema = store.Schema;
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, $"lock table {schema}.{Table} in exclusive mode");
        await ExecuteAsync(connection, transaction, JournalLocks.TakeAppendShared(schema));
        var marked = (int)(await ScalarAsync(connection, transaction, $"select max(version) from {schema}.{Table}"))!;
        if (marked == from)
        {
            switch (from)
            {
                case 2:
                    await ExecuteAsync(connection, transaction, TransfersTable.AddRequestedAmount(schema));
                    break;
                case 3:
                    await new RecordsCarriedForward(store).WriteAsync(connection, transaction);
                    break;
                case 4:
                    await ExecuteAsync(connection, transaction, ModuleTables.AddSearch(schema));
                    break;
                case 5:
                    await ExecuteAsync(connection, transaction, ModuleTables.AddSearchUntil(schema));
                    break;
                case 6:
                    await ExecuteAsync(connection, transaction, ModuleTables.AddIndexVersions(schema));
                    break;
            }

            marked = from + 1;
            await ExecuteAsync(connection, transaction, $"update {schema}.{Table} set version = {marked}");
        }

        await transaction.CommitAsync();
        return marked;
    }

    private static StorageLayoutException Refusal(string schema, string what) => new(
        $"The ledger schema '{schema}' holds data written in {what}; this version reads and writes layout {Current}, carries " +
        $"layouts 2 to {Current - 1} forward, and cannot read that data. Run a version of the ledger that knows that layout, or " +
        "start this one on an empty database or schema.");

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync();
    }
}
