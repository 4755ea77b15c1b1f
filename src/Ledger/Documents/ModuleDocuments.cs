using EPoomasi.Ledger.Storage;
using Npgsql;

namespace EPoomasi.Ledger.Documents;

/// <summary>
/// What a module keeps beside the ledger rather than in its event log: JSON documents by kind and key,
/// written, corrected and erased in place. Members' profiles live here, so that the law's right to
/// correction and erasure never touches the books, which refer to members by id alone. Each call is its
/// own statement; a document is not part of any write transaction of the ledger.
/// </summary>
public sealed class ModuleDocuments
{
    /// <summary>Most characters of a kind, key or scope.</summary>
    public const int MaxNameLength = 200;

    private readonly LedgerStore _store;

    internal ModuleDocuments(LedgerStore store) => _store = store;

    /// <summary>Writes the document, replacing any under its key.</summary>
    /// <exception cref="LedgerInputException">A name is empty, too long or holds a NUL; or the JSON is not JSON.</exception>
    public Task PutAsync(string kind, string key, string? scope, string json, Attribution by, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(WriteAsync(kind, key, scope, json, by, replace: true, cancellationToken));

    /// <summary>Writes the document only when none is under its key: whether it was written.</summary>
    /// <exception cref="LedgerInputException">A name is empty, too long or holds a NUL; or the JSON is not JSON.</exception>
    public Task<bool> AddAsync(string kind, string key, string? scope, string json, Attribution by, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(WriteAsync(kind, key, scope, json, by, replace: false, cancellationToken));

    /// <summary>The documents that exist among <paramref name="keys"/>, by key.</summary>
    public Task<IReadOnlyDictionary<string, ModuleDocument>> GetAsync(string kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(ReadAsync(kind, keys, cancellationToken));

    /// <summary>Deletes the document: whether there was one.</summary>
    public Task<bool> DeleteAsync(string kind, string key, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(RemoveAsync(kind, key, cancellationToken));

    /// <summary>A page of the kind's documents under <paramref name="scope"/>, in key order after <paramref name="after"/> (empty for the first).</summary>
    public Task<ModuleDocumentPage> ListAsync(string kind, string scope, string after, int pageSize, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(PageAsync(kind, scope, after, pageSize, cancellationToken));

    private async Task<bool> WriteAsync(string kind, string key, string? scope, string json, Attribution by, bool replace, CancellationToken cancellationToken)
    {
        EnsureName(kind, nameof(kind));
        EnsureName(key, nameof(key));
        if (scope is not null) EnsureName(scope, nameof(scope));
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(by);
        by.EnsureComplete();
        var conflict = replace
            ? "on conflict (kind, key) do update set scope = excluded.scope, body = excluded.body, changed_by = excluded.changed_by, changed_at = excluded.changed_at"
            : "on conflict (kind, key) do nothing";
        try
        {
            await using var connection = await _store.OpenConnectionAsync(cancellationToken);
            await using var command = Command(
                connection,
                $"insert into {_store.Schema}.{ModuleDocumentsTable.Name} (kind, key, scope, body, changed_by, changed_at) values ($1, $2, $3, $4::jsonb, $5, $6) {conflict}",
                kind, key, scope, json, by.ActorId, _store.Now());
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception exception) when (RequestFault.Caused(exception))
        {
            throw new LedgerInputException(RequestFault.Describe(exception), exception);
        }
    }

    private async Task<IReadOnlyDictionary<string, ModuleDocument>> ReadAsync(string kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return new Dictionary<string, ModuleDocument>();
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"{Select} where kind = $1 and key = any($2)", kind, keys.ToArray());
        return (await ReadAllAsync(command, cancellationToken)).ToDictionary(d => d.Key, StringComparer.Ordinal);
    }

    private async Task<bool> RemoveAsync(string kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"delete from {_store.Schema}.{ModuleDocumentsTable.Name} where kind = $1 and key = $2", kind, key);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<ModuleDocumentPage> PageAsync(string kind, string scope, string after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            $"{Select} where kind = $1 and scope = $2 and key collate \"C\" > $3 order by key collate \"C\" limit $4",
            kind, scope, after ?? string.Empty, pageSize + 1);
        var documents = await ReadAllAsync(command, cancellationToken);
        return documents.Count > pageSize
            ? new ModuleDocumentPage(documents.Take(pageSize).ToList(), documents[pageSize - 1].Key)
            : new ModuleDocumentPage(documents, null);
    }

    private string Select => $"select kind, key, scope, body::text, changed_by, changed_at from {_store.Schema}.{ModuleDocumentsTable.Name}";

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private static async Task<List<ModuleDocument>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var documents = new List<ModuleDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new ModuleDocument(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return documents;
    }

    private static void EnsureName(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxNameLength || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new LedgerInputException($"A document's {name} has 1 to {MaxNameLength} characters and no NUL.");
        }
    }
}
