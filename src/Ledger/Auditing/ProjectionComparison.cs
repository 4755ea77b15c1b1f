using System.Text.Json;
using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger.Auditing;

/// <summary>
/// Compares each live projection table with its rebuild, row by row, in PostgreSQL: a full join on the
/// table's key that keeps the first row (in key order) whose values differ or that one side lacks. Only that
/// row comes back, so the comparison takes no memory in the gateway whatever the ledger's size.
/// </summary>
internal sealed class ProjectionComparison(string schema, string scratch)
{
    /// <summary>The rebuilt districts' table (the live ones are Marten documents).</summary>
    public const string Districts = "districts";

    private sealed record Table(string Name, string Live, string Rebuilt, string[] Columns, string[] Key);

    private IEnumerable<Table> Tables()
    {
        yield return Of(AccountsTable.Name, AccountsTable.Columns, "id");
        yield return Of(EntriesTable.Name, EntriesTable.Columns + ", journal_id", "account_id", "version");
        yield return Of(TransfersTable.Name, TransfersTable.Columns, "id");
        // When a row was written is the transaction's, not the log's: compared are what the rows say.
        yield return Of(ModuleTables.States, "kind, key, version, state, search, search_until", "kind", "key");
        yield return Of(ModuleTables.Outcomes, "id, kind, key, command, result, transfer_ids, transfer_results, actor_id, on_behalf_of, channel", "id");
        // Marten keys its documents with varchar; the comparison wants both sides of one type.
        yield return new Table(Districts, $"(select id::text as id, data from {schema}.mt_doc_district) d", $"{scratch}.{Districts}", ["id", "data"], ["id"]);
    }

    private Table Of(string name, string columns, params string[] key) =>
        new(name, $"{schema}.{name}", $"{scratch}.{name}", columns.Split(',', StringSplitOptions.TrimEntries), key);

    /// <summary>How many rows each rebuilt table holds.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountRebuiltAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables())
        {
            await using var command = new NpgsqlCommand($"select count(*) from {table.Rebuilt}", connection);
            counts[table.Name] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    /// <summary>The first difference, in table order and then key order; null when every table agrees.</summary>
    public async Task<ProjectionDifference?> FirstDifferenceAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var table in Tables())
        {
            var columns = string.Join(", ", table.Columns);
            var on = string.Join(" and ", table.Key.Select(k => $"l.{k} = r.{k}"));
            var order = string.Join(", ", table.Key.Select(k => $"coalesce(l.{k}, r.{k})"));
            await using var command = new NpgsqlCommand(
                $"select to_jsonb(l)::text, to_jsonb(r)::text from (select {columns} from {table.Live}) l " +
                $"full join (select {columns} from {table.Rebuilt}) r on {on} where l is distinct from r order by {order} limit 1",
                connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return Describe(table, reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }

        return null;
    }

    private static ProjectionDifference Describe(Table table, string? live, string? rebuilt)
    {
        using var liveRow = live is null ? null : JsonDocument.Parse(live);
        using var rebuiltRow = rebuilt is null ? null : JsonDocument.Parse(rebuilt);
        var either = (liveRow ?? rebuiltRow)!.RootElement;
        var key = string.Join(", ", table.Key.Select(k => $"{k}={Text(either.GetProperty(k))}"));
        if (liveRow is null || rebuiltRow is null)
        {
            return new ProjectionDifference(table.Name, key, ProjectionDifference.WholeRow, live, rebuilt);
        }

        foreach (var column in table.Columns)
        {
            var (l, r) = (liveRow.RootElement.GetProperty(column), rebuiltRow.RootElement.GetProperty(column));
            if (!JsonElement.DeepEquals(l, r))
            {
                return new ProjectionDifference(table.Name, key, column, l.GetRawText(), r.GetRawText());
            }
        }

        // PostgreSQL found the rows distinct, yet every column reads the same as JSON (a float's last digit, say).
        return new ProjectionDifference(table.Name, key, ProjectionDifference.WholeRow, live, rebuilt);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
