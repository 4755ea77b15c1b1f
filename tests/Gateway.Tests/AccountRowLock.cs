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
    public async Task WaitForAWaiterAsync(CancellationToken cancellationToken)
    {
        // On a connection of its own: within a transaction, PostgreSQL keeps showing the activity it saw first.
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var waiters = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", connection);
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if ((long)(await waiters.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                return;
            }

            await Task.Delay(25, cancellationToken);
        }

        Assert.Fail("No write reached the locked account within 10 s.");
    }

    public Task ReleaseAsync(CancellationToken cancellationToken) => _transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
