using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger.Modules.Searching;

/// <summary>
/// Indexes again the states of each kind whose decider's <see cref="IModuleKind.IndexVersion"/> is newer than the one
/// that indexed them, a page at a time, then records the version. Only the search columns change: not the state, its
/// version or when it last changed. A state written meanwhile is left as its writer indexed it (with the new code), and
/// several hosts doing this at once write the same thing.
/// </summary>
internal sealed class ModuleReindexer(LedgerStore store, ModuleRegistry modules)
{
    private const int PageSize = 500;

    /// <summary>How many states were indexed again, by kind; kinds that had none to index again are not listed.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ReindexStaleAsync(CancellationToken cancellationToken)
    {
        var done = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        foreach (var kind in modules.All.OrderBy(k => k.Kind, StringComparer.Ordinal))
        {
            // States written before versions were recorded were indexed by version 1.
            var recorded = await RecordedVersionAsync(connection, kind.Kind, cancellationToken);
            if ((recorded ?? 1) >= kind.IndexVersion)
            {
                if (recorded is null) await RecordAsync(connection, kind, cancellationToken);
                continue;
            }

            var count = await ReindexAsync(connection, kind, cancellationToken);
            if (count > 0) done[kind.Kind] = count;
            await RecordAsync(connection, kind, cancellationToken);
        }

        return done;
    }

    private async Task<int> ReindexAsync(NpgsqlConnection connection, IModuleKind kind, CancellationToken cancellationToken)
    {
        var count = 0;
        var after = string.Empty;
        while (true)
        {
            var page = new List<(string Key, long Version, string State)>();
            await using (var read = new NpgsqlCommand(
                $"select key, version, state::text from {store.Schema}.{ModuleTables.States} where kind = $1 and key collate \"C\" > $2 order by key collate \"C\" limit $3", connection)
            {
                Parameters = { new() { Value = kind.Kind }, new() { Value = after }, new() { Value = PageSize } },
            })
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) page.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
            }

            if (page.Count == 0) return count;
            await using var batch = new NpgsqlBatch(connection);
            foreach (var (key, version, json) in page)
            {
                var row = kind.ReadState(json) is { } state ? kind.SearchRow(state) : SearchRow.None;
                batch.BatchCommands.Add(new NpgsqlBatchCommand(
                    $"update {store.Schema}.{ModuleTables.States} set search = $3::tsvector, search_until = $4 where kind = $1 and key = $2 and version = $5")
                {
                    Parameters =
                    {
                        new() { Value = kind.Kind }, new() { Value = key }, new() { Value = (object?)row.Vector ?? DBNull.Value },
                        new() { Value = (object?)row.Until ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz }, new() { Value = version },
                    },
                });
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            count += page.Count;
            after = page[^1].Key;
        }
    }

    private async Task RecordAsync(NpgsqlConnection connection, IModuleKind kind, CancellationToken cancellationToken)
    {
        await using var upsert = new NpgsqlCommand(
            $"insert into {store.Schema}.{ModuleTables.IndexVersions} (kind, version) values ($1, $2) on conflict (kind) do update set version = greatest({ModuleTables.IndexVersions}.version, excluded.version)",
            connection) { Parameters = { new() { Value = kind.Kind }, new() { Value = kind.IndexVersion } } };
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<int?> RecordedVersionAsync(NpgsqlConnection connection, string kind, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select version from {store.Schema}.{ModuleTables.IndexVersions} where kind = $1", connection)
        {
            Parameters = { new() { Value = kind } },
        };
        return await command.ExecuteScalarAsync(cancellationToken) is int version ? version : null;
    }
}
