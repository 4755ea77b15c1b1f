using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Which physical layout a ledger schema was written in. The layout changed as the ledger was made fast
/// (README, findings 9 and 10): account states, statement entries and transfer records left JSON documents
/// and per-entry events for narrow tables of their own. A schema that already holds events of an earlier
/// layout would look empty to this one (no account rows, no records), so it is refused rather than served.
/// </summary>
internal static class StorageLayout
{
    /// <summary>The layout this code reads and writes.</summary>
    public const int Current = 3;

    public const string Table = "storage_layout";

    /// <summary>
    /// Records <see cref="Current"/> in a schema that holds no events yet; accepts one already marked with it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema holds data of another layout.</exception>
    public static async Task EnsureCurrentAsync(NpgsqlConnection connection, string schema)
    {
        await ExecuteAsync(connection, $"create table if not exists {schema}.{Table} (version int not null)");
        var marked = await ScalarAsync(connection, $"select max(version) from {schema}.{Table}");
        if (marked is int version)
        {
            if (version == 2)
            {
                await MigrateAsync(connection, TransfersTable.AddRequestedAmount(schema), schema, to: 3);
                version = 3;
            }

            if (version != Current)
            {
                throw Refusal(schema, $"storage layout {version}");
            }

            return;
        }

        if (await ScalarAsync(connection, $"select exists (select 1 from {schema}.mt_events)") is true)
        {
            throw Refusal(schema, "an earlier storage layout");
        }

        await ExecuteAsync(connection, $"insert into {schema}.{Table} (version) values ({Current})");
    }

    private static InvalidOperationException Refusal(string schema, string what) => new(
        $"The ledger schema '{schema}' holds data written in {what}; this version reads and writes layout {Current} and would not " +
        "see that data. Start it on an empty database or schema (for the gateway's private PostgreSQL, delete its data directory, " +
        "src/Gateway/.data by default).");

    // One step forward, in one transaction: the change and the new mark land together or not at all.
    private static async Task MigrateAsync(NpgsqlConnection connection, string change, string schema, int to)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"{change}; update {schema}.{Table} set version = {to}", connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
