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

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
