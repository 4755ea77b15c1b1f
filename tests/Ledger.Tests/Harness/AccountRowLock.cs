using Npgsql;

namespace EPoomasi.Ledger.Tests.Harness;

/// <summary>
/// Another session holding an account's row lock, as a slow writer in another process would, so that
/// a test can make the ledger's writers wait. Released by <see cref="ReleaseAsync"/> or on dispose.
/// </summary>
public sealed class AccountRowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private AccountRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<AccountRowLock> TakeAsync(TestLedger ledger, Guid accountId, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ledger.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockRow = new NpgsqlCommand("select 1 from ledger.accounts where id = @id for update", connection, transaction))
        {
            lockRow.Parameters.AddWithValue("id", accountId);
            await lockRow.ExecuteScalarAsync(cancellationToken);
        }

        return new AccountRowLock(connection, transaction);
    }

    public Task ReleaseAsync(CancellationToken cancellationToken) => _transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
