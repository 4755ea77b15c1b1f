using EPoomasi.Ledger.Storage;
using EPoomasi.Ledger.Tests.Harness;
using Npgsql;

namespace EPoomasi.Ledger.Tests.Storage;

public sealed class pools_keep_the_sessions_they_open(PostgresFixture postgres)
{
    private const string Marked = "pool-test";

    // Npgsql's pruning closed a steady load's sessions (idle between statements), and a peak's surplus all at once,
    // which paused PostgreSQL for every other session. The ledger's pools are of fixed size: nothing is pruned.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_peaks_sessions_stay_open_through_rounds_of_pruning() =>
        Assert.Equal(12, await SessionsAfterPeakAndPruningAsync(peak: 12, minimum: null));

    // The same settings do prune, so the test above would see it.
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_connection_string_that_sets_its_own_minimum_is_pruned_down_to_it() =>
        Assert.Equal(2, await SessionsAfterPeakAndPruningAsync(peak: 6, minimum: 2));

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_pool_opens_no_more_sessions_than_its_size()
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateLedgerDatabaseAsync();
        var settings = new NpgsqlConnectionStringBuilder(database) { Timeout = 1, ApplicationName = Marked };
        settings.Remove("Maximum Pool Size"); // the test databases' own
        await using var connections = new LedgerConnections(FixedSizePools.Of(settings.ConnectionString));

        var open = await Task.WhenAll(Enumerable.Range(0, FixedSizePools.DefaultSize).Select(_ => connections.OpenForReadingAsync(token).AsTask()));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connections.OpenForReadingAsync(token).AsTask());
        Assert.Equal(FixedSizePools.DefaultSize, await OpenSessionsAsync(database, token));
        foreach (var connection in open) await connection.DisposeAsync();
    }

    [Theory]
    [InlineData("Host=db", 16, 16)]
    [InlineData("Host=db;Maximum Pool Size=5", 5, 5)]
    [InlineData("Host=db;MaxPoolSize=40", 40, 40)]
    [InlineData("Host=db;Minimum Pool Size=2", 2, 100)]
    [InlineData("Host=db;MinPoolSize=3;Maximum Pool Size=9", 3, 9)]
    public void a_pools_size_is_its_connection_strings_or_sixteen_and_its_minimum_its_maximum_unless_given(string given, int minimum, int maximum)
    {
        var sized = new NpgsqlConnectionStringBuilder(FixedSizePools.Of(given));
        Assert.Equal((minimum, maximum), (sized.MinPoolSize, sized.MaxPoolSize));
    }

    // Two rounds of pruning at the fast settings below: a round closes what was idle at the median of two samples a second apart.
    private static readonly TimeSpan RoundsOfPruning = TimeSpan.FromSeconds(4.5);

    // Pruning after two seconds idle, sampled every second, instead of five minutes; sessions marked to be counted.
    private static string PruningFast(string database, int? minimum)
    {
        var settings = new NpgsqlConnectionStringBuilder(database) { ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1, ApplicationName = Marked };
        if (minimum is { } given) settings.MinPoolSize = given;
        return settings.ConnectionString;
    }

    // Opens as many reading connections at once as the peak, so that the pool grows to that, returns them all, and
    // counts the sessions left after two rounds of pruning.
    private async Task<int> SessionsAfterPeakAndPruningAsync(int peak, int? minimum)
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateLedgerDatabaseAsync();
        await using var connections = new LedgerConnections(FixedSizePools.Of(PruningFast(database, minimum)));

        var open = await Task.WhenAll(Enumerable.Range(0, peak).Select(_ => connections.OpenForReadingAsync(token).AsTask()));
        Assert.Equal(peak, await OpenSessionsAsync(database, token));
        foreach (var connection in open) await connection.DisposeAsync();

        await Task.Delay(RoundsOfPruning, token);
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
