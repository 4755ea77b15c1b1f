using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>The ledger's own SQL statements, written with their values in order as '?' placeholders.</summary>
internal static class Statements
{
    // The statements read best with their values in order, as Marten's '?' placeholders; PostgreSQL wants $1, $2, ...
    public static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var parts = sql.Split('?');
        if (parts.Length != values.Length + 1)
        {
            throw new ArgumentException($"The statement has {parts.Length - 1} placeholders for {values.Length} values.", nameof(values));
        }

        var command = new NpgsqlBatchCommand(string.Concat(parts.Select((part, i) => i == 0 ? part : $"${i}{part}")));
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>Adds <paramref name="sql"/> with <paramref name="values"/> to <paramref name="batch"/>.</summary>
    public static void Add(NpgsqlBatch batch, string sql, params object?[] values) => batch.BatchCommands.Add(Command(sql, values));
}
