using Npgsql;

namespace EPoomasi.Tests;

/// <summary>
/// Waits on the condition itself, not on a guess of how long it takes: until some session of a database waits
/// on a lock (a write has reached a row another session holds).
/// </summary>
public static class LockWaiters
{
    public static Task UntilSomeoneWaitsAsync(string connectionString, CancellationToken cancellationToken) =>
        UntilAsync(connectionString, waiting => waiting > 0, "No write reached the locked row within 10 s.", cancellationToken);

    private static async Task UntilAsync(string connectionString, Func<long, bool> done, string failure, CancellationToken cancellationToken)
    {
        // On a connection of its own: within a transaction, PostgreSQL keeps showing the activity it saw first.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var waiters = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", connection);
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (done((long)(await waiters.ExecuteScalarAsync(cancellationToken))!)) return;
            await Task.Delay(25, cancellationToken);
        }

        await using var which = new NpgsqlCommand(
            "select coalesce(string_agg(left(query, 200), ' | '), '') from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", connection);
        throw new TimeoutException($"{failure} Waiting: {await which.ExecuteScalarAsync(cancellationToken)}");
    }
}
