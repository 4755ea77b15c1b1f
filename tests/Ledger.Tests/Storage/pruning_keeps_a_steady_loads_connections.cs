using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Tests.Harness;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

public sealed class pruning_keeps_a_steady_loads_connections(PostgresFixture postgres)
{
    // Npgsql's pruning closed every connection idle at its samples, which under a steady load is every one of them
    // between statements; the next callers then all opened new sessions at once. The ledger's pools keep a floor.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_peaks_surplus_is_closed_and_the_floor_stays_open()
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateLedgerDatabaseAsync();
        var pruningFast = new NpgsqlConnectionStringBuilder(database)
        {
            ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1, ApplicationName = "pruning-test",
        }.ConnectionString;
        await using var connections = new LedgerConnections(pruningFast);

        Assert.Equal(12, await PeakAsync(connections, 12, token));
        var left = 12;
        for (var waited = 0; waited < 100 && left > 8; waited++)
        {
            await Task.Delay(100, token);
            left = await OpenSessionsAsync(database, token);
        }

        Assert.Equal(8, left);
        await Task.Delay(3_000, token); // a further round of pruning closes nothing below the floor
        Assert.Equal(8, await OpenSessionsAsync(database, token));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_connection_string_that_sets_its_own_minimum_keeps_it()
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateLedgerDatabaseAsync();
        var ownMinimum = new NpgsqlConnectionStringBuilder(database)
        {
            ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1, ApplicationName = "pruning-test", MinPoolSize = 2,
        }.ConnectionString;
        await using var connections = new LedgerConnections(ownMinimum);

        Assert.Equal(6, await PeakAsync(connections, 6, token));
        var left = 6;
        for (var waited = 0; waited < 100 && left > 2; waited++)
        {
            await Task.Delay(100, token);
            left = await OpenSessionsAsync(database, token);
        }

        Assert.Equal(2, left);
    }

    // Opens as many reading connections at once, so that the pool grows to that, returns them all, and counts the sessions.
    private static async Task<int> PeakAsync(LedgerConnections connections, int size, CancellationToken token)
    {
        var open = await Task.WhenAll(Enumerable.Range(0, size).Select(_ => connections.OpenForReadingAsync(token).AsTask()));
        foreach (var connection in open) await connection.DisposeAsync();
        return open.Length;
    }

    private static async Task<int> OpenSessionsAsync(string database, CancellationToken token)
    {
        await using var counting = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await counting.OpenAsync(token);
        await using var command = new NpgsqlCommand(
            "select count(*)::int from pg_stat_activity where datname = current_database() and application_name = 'pruning-test'", counting);
        return (int)(await command.ExecuteScalarAsync(token))!;
    }
}
