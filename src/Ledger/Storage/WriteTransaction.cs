using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// A transfer transaction on a connection of its own, in two round trips: the first carries <c>begin</c> with
/// the statements that lock and read, the last carries the writes with <c>commit</c>. Row locks are held from
/// the first round trip to the last, and every round trip in between is time other writers of the same
/// accounts wait; committing with a separate round trip after the writes (as a Marten session does) was one
/// more of them.
/// <para>
/// Should anything fail before the commit, disposing rolls back (the connection goes back to its pool).
/// Should the commit round trip itself fail, its outcome is unknown, as with any commit: callers retry by
/// id, which never applies anything twice.
/// </para>
/// </summary>
internal sealed class WriteTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private bool _begun;

    private WriteTransaction(NpgsqlConnection connection, string schema)
    {
        _connection = connection;
        _schema = schema;
    }

    public static async Task<WriteTransaction> OpenAsync(LedgerStore store, CancellationToken cancellationToken) =>
        new(await store.Connections.OpenForWritingAsync(cancellationToken), store.Schema);

    /// <summary>A batch on this transaction's connection; the first one run also begins the transaction.</summary>
    public NpgsqlBatch CreateBatch() => new(_connection);

    /// <summary>Runs statements that return rows, beginning the transaction with them if it has not begun.</summary>
    public async Task<NpgsqlDataReader> ReadAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        var begins = BeginWith(batch);
        var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (begins)
        {
            // Past the append lock's row, to the caller's first statement.
            await reader.NextResultAsync(cancellationToken);
        }

        return reader;
    }

    /// <summary>Runs <paramref name="batch"/> and commits, in one round trip.</summary>
    public async Task CommitAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        BeginWith(batch);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("commit"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    // Closing the connection ends whatever is still open: Npgsql rolls back a pending transaction when a
    // connection returns to its pool (checked by a test, since the begin and commit here are plain SQL).
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    // Every transfer transaction appends to the event log, so it takes the journal's append lock, shared,
    // before its row locks (see JournalLocks): the sealer then never waits behind a row lock.
    private bool BeginWith(NpgsqlBatch batch)
    {
        if (_begun)
        {
            return false;
        }

        batch.BatchCommands.Insert(0, new NpgsqlBatchCommand("begin"));
        batch.BatchCommands.Insert(1, new NpgsqlBatchCommand(JournalLocks.TakeAppendShared(_schema)));
        _begun = true;
        return true;
    }
}
