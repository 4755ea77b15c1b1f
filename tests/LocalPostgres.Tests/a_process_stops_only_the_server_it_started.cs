using Npgsql;

namespace EPoomasi.LocalPostgres.Tests;

/// <summary>
/// A second gateway on the same data folder once adopted the first one's server, failed on its port,
/// and stopped that server on its way out: the first gateway answered UNAVAILABLE from then on.
/// </summary>
public sealed class a_process_stops_only_the_server_it_started
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_second_user_of_a_running_cluster_leaves_it_running_when_it_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Folders.NewReachable();
        var port = Folders.FreePort();
        await using var first = await PostgresCluster.StartPersistentAsync(folder, port, ct);

        var second = await PostgresCluster.StartPersistentAsync(folder, port, ct);
        Assert.False(second.StartedHere);
        await second.DisposeAsync();

        Assert.True(first.StartedHere);
        await using var connection = new NpgsqlConnection(first.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync(ct);
        await first.StopAsync();
        Directory.Delete(folder, recursive: true);
    }
}
