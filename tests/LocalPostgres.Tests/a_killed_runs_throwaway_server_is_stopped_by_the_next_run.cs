using Npgsql;

namespace EPoomasi.LocalPostgres.Tests;

/// <summary>A test run killed before it could stop its throwaway PostgreSQL left it running forever.</summary>
public sealed class a_killed_runs_throwaway_server_is_stopped_by_the_next_run
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_cluster_whose_owner_is_gone_is_stopped_and_removed()
    {
        var ct = TestContext.Current.CancellationToken;
        var abandoned = await PostgresCluster.StartTemporaryAsync(ct);
        // What a killed run leaves: its server running, its owner file naming a process that no longer exists.
        await File.WriteAllTextAsync(abandoned.DataDirectory + ".owner", "2147483646 1", ct);

        await using var next = await PostgresCluster.StartTemporaryAsync(ct);

        Assert.False(Directory.Exists(abandoned.DataDirectory));
        Assert.False(File.Exists(abandoned.DataDirectory + ".owner"));
        await using var connection = new NpgsqlConnection(abandoned.ConnectionString() + ";Pooling=false;Timeout=3");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync(ct));
    }
}
