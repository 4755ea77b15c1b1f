using EPoomasi.Ledger.Modules.Searching;
using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Writing;
using Npgsql;

namespace EPoomasi.Ledger.Modules;

/// <summary>
/// A kind of module state registered with the ledger (<see cref="LedgerModule.Register{TCommand, TState, TEvent, TResult}"/>):
/// the module's way to submit its commands and read its entities.
/// </summary>
public sealed class ModuleKind<TCommand, TState, TResult>
    where TCommand : ModuleCommand
    where TState : class
{
    private readonly IModuleKind _kind;
    private readonly GroupCommitter _committer;
    private readonly LedgerStore _store;

    internal ModuleKind(IModuleKind kind, GroupCommitter committer, LedgerStore store)
    {
        _kind = kind;
        _committer = committer;
        _store = store;
    }

    /// <summary>The kind's name.</summary>
    public string Name => _kind.Kind;

    /// <summary>
    /// Decides <paramref name="command"/> and commits its entity's change with the transfers it causes, in one
    /// transaction shared with concurrent callers. A repeat of the id answers with the first outcome, marked
    /// replayed. Cancelling before the transaction decides means nothing of it is applied; cancelling later
    /// leaves the outcome to a repeat of the id.
    /// </summary>
    /// <exception cref="LedgerInputException">The command cannot be taken as it is (no id, an empty or long key, no attribution).</exception>
    /// <exception cref="ModuleIdReusedException">The id was used before by a different command.</exception>
    /// <exception cref="ModuleFailedException">The decider threw; nothing was applied.</exception>
    /// <exception cref="LedgerBusyException">Too many entities are waiting; nothing was applied.</exception>
    public async Task<ModuleOutcome<TResult>> SubmitAsync(TCommand command, CancellationToken cancellationToken)
    {
        var answer = await LedgerFailures.Guarded(_committer.SubmitAsync(ModuleRequest.For(_kind, command), cancellationToken));
        return new ModuleOutcome<TResult>(command.Id, (TResult)answer.Result!, answer.Replayed, answer.Transfers);
    }

    /// <summary>The entity's state and version as committed, or null when it has no events yet.</summary>
    public Task<(TState State, long Version)?> GetAsync(string key, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(ReadAsync(key, cancellationToken));

    /// <summary>
    /// A page of the kind's entities whose state contains <paramref name="matching"/> (as JSON containment: every
    /// field given has the value given), in key order after <paramref name="after"/> (empty for the first page).
    /// Keys are compared byte by byte. Meant for the short lists people work through, such as applications
    /// waiting in a district; it reads the kind's entities in key order.
    /// </summary>
    public Task<IReadOnlyList<(string Key, TState State)>> ListAsync(object matching, string after, int pageSize, CancellationToken cancellationToken) =>
        LedgerFailures.Guarded(PageAsync(matching, after, pageSize, cancellationToken));

    /// <summary>
    /// A page of the kind's entities that <paramref name="search"/> finds, by the words its decider indexed
    /// (<see cref="ModuleDecider{TCommand, TState, TEvent, TResult}.Index"/>). A query with text but no word in it finds nothing.
    /// </summary>
    /// <exception cref="LedgerInputException">The search breaks a rule; the message says which.</exception>
    public Task<IReadOnlyList<(string Key, TState State)>> SearchAsync(ModuleSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Problem() is { } problem) throw new LedgerInputException(problem);
        return LedgerFailures.Guarded(FindAsync(search, cancellationToken));
    }

    private async Task<IReadOnlyList<(string Key, TState State)>> FindAsync(ModuleSearch search, CancellationToken cancellationToken)
    {
        var query = search.Text is null ? null : SearchVectors.Query(search.Text);
        if (search.Text is not null && query is null) return [];
        await using var connection = await _store.Connections.OpenForFindingAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ModuleTables.Search(_store.Schema, search, hasText: query is not null), connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = _kind.Kind },
                new NpgsqlParameter { Value = _kind.WriteFilter(search.Matching) },
                new NpgsqlParameter { Value = (object?)query ?? DBNull.Value },
                new NpgsqlParameter { Value = (object?)search.ActiveAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = search.Offset },
                new NpgsqlParameter { Value = search.PageSize },
            },
        };
        var page = new List<(string, TState)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add((reader.GetString(0), (TState)_kind.ReadState(reader.GetString(1))!));
        }

        return page;
    }

    private async Task<IReadOnlyList<(string Key, TState State)>> PageAsync(object matching, string after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matching);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var connection = await _store.Connections.OpenForFindingAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ModuleTables.ListStates(_store.Schema), connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = _kind.Kind },
                new NpgsqlParameter { Value = _kind.WriteFilter(matching) },
                new NpgsqlParameter { Value = after ?? string.Empty },
                new NpgsqlParameter { Value = pageSize },
            },
        };
        var page = new List<(string, TState)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add((reader.GetString(0), (TState)_kind.ReadState(reader.GetString(1))!));
        }

        return page;
    }

    private async Task<(TState State, long Version)?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ModuleTables.ReadStates(_store.Schema), connection);
        command.Parameters.AddRange(ModuleTables.EntityKeys([(_kind.Kind, key)]));
        var entities = await ModuleStates.ReadAsync(command, new Dictionary<(string, string), IModuleKind> { [(_kind.Kind, key)] = _kind }, cancellationToken);
        return entities[(_kind.Kind, key)] is { Existed: true } entity ? ((TState)entity.State!, entity.Version) : null;
    }
}
