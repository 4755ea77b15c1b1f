using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Tests.Harness;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

public sealed class pruning_keeps_a_steady_loads_connections(PostgresFixture postgres)
{
    private const string Marked = "pruning-test";

    // Npgsql's pruning closed every connection idle at its samples, which under a steady load is every one of them
    // between statements; the next callers then all opened new sessions at once. The ledger's pools keep a floor.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_peaks_surplus_is_closed_and_the_floor_stays_open()
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateLedgerDatabaseAsync();
        await using var connections = new LedgerConnections(PruningFast(database, minimum: null));

        await PeakAsync(connections, database, 12, token);
        Assert.Equal(8, await SessionsOncePrunedAsync(database, 12, token));
        await Task.Delay(3_000, token); // a further round of pruning closes nothing below the floor
        Assert.Equal(8, await OpenSessionsAsync(database, token));
    }

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_connection_string_that_sets_its_own_minimum_keeps_it()
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateLedgerDatabaseAsync();
        await using var connections = new LedgerConnections(PruningFast(database, minimum: 2));

        await PeakAsync(connections, database, 6, token);
        Assert.Equal(2, await SessionsOncePrunedAsync(database, 6, token));
    }

    // Pruning after two seconds idle, sampled every second, instead of five minutes; sessions marked to be counted.
    private static string PruningFast(string database, int? minimum)
    {
        var settings = new NpgsqlConnectionStringBuilder(database) { ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1, ApplicationName = Marked };
        if (minimum is { } given) settings.MinPoolSize = given;
        return settings.ConnectionString;
    }

    // Opens as many reading connections at once, so that the pool grows to that, and returns them all.
    private static async Task PeakAsync(LedgerConnections connections, string database, int size, CancellationToken token)
    {
        var open = await Task.WhenAll(Enumerable.Range(0, size).Select(_ => connections.OpenForReadingAsync(token).AsTask()));
        Assert.Equal(size, await OpenSessionsAsync(database, token));
        foreach (var connection in open) await connection.DisposeAsync();
    }

    // The sessions left once a round of pruning has closed some of the peak's (it closes them within milliseconds
    // of each other), or the peak's own after ten seconds.
    private static async Task<int> SessionsOncePrunedAsync(string database, int peak, CancellationToken token)
    {
        for (var waited = 0; waited < 100 && await OpenSessionsAsync(database, token) == peak; waited++)
        {
            await Task.Delay(100, token);
        }

        await Task.Delay(500, token);
        return await OpenSessionsAsync(database, token);
    }

    private static async Task<int> OpenSessionsAsync(string database, CancellationToken token)
    {
        await using var counting = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false, ApplicationName = "counting" }.ConnectionString);
        await counting.OpenAsync(token);
        await using var command = new NpgsqlCommand(
            $"select count(*)::int from pg_stat_activity where datname = current_database() and application_name = '{Marked}'", counting);
        return (int)(await command.ExecuteScalarAsync(token))!;
    }
}
