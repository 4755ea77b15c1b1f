using Npgsql;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// Another session holding an account's row lock, as a slow writer in another process would, so that
/// a test can make the gateway's writes wait in the database. Released by <see cref="ReleaseAsync"/> or on dispose.
/// </summary>
public sealed class AccountRowLock : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private AccountRowLock(string connectionString, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connectionString = connectionString;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<AccountRowLock> TakeAsync(GatewayFixture gateway, string accountId, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(gateway.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockRow = new NpgsqlCommand("select 1 from ledger.accounts where id = @id for update", connection, transaction))
        {
            lockRow.Parameters.AddWithValue("id", Guid.Parse(accountId));
            await lockRow.ExecuteScalarAsync(cancellationToken);
        }

        return new AccountRowLock(gateway.DatabaseConnectionString, connection, transaction);
    }

    /// <summary>Returns once some session of the database waits on a lock (this one's, in these tests).</summary>
    public Task WaitForAWaiterAsync(CancellationToken cancellationToken) => LockWaiters.UntilSomeoneWaitsAsync(_connectionString, cancellationToken);

    public Task ReleaseAsync(CancellationToken cancellationToken) => _transaction.RollbackAsync(cancellationToken);

    /// <summary>
    /// Ends the sessions waiting on this lock, as the database sees a gateway killed in the middle of its transaction,
    /// once at least one waits; how many were ended.
    /// </summary>
    public async Task<int> TerminateWaitersAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        var until = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var terminate = new NpgsqlCommand(
                "select count(*)::int from (select pg_terminate_backend(pid) from pg_stat_activity where @holder = any(pg_blocking_pids(pid))) t", connection);
            terminate.Parameters.AddWithValue("holder", _connection.ProcessID);
            var ended = (int)(await terminate.ExecuteScalarAsync(cancellationToken))!;
            if (ended > 0 || DateTimeOffset.UtcNow > until) return ended;
            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
