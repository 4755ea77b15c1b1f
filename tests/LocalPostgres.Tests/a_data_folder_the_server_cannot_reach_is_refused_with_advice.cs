namespace EPoomasi.LocalPostgres.Tests;

/// <summary>
/// As root, the server runs as the postgres user. A newcomer whose checkout sits in a folder closed to
/// other users (a home directory, a mode-700 temporary folder) got initdb's stack trace.
/// </summary>
public sealed class a_data_folder_the_server_cannot_reach_is_refused_with_advice
{
    [Fact(Timeout = TestTimeouts.Default)]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task behind_a_closed_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        var closed = Directory.CreateTempSubdirectory("epoomasi-closed-").FullName;
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var folder = Path.Combine(closed, "data");
        try
        {
            if (Environment.UserName == "root")
            {
                var refused = await Assert.ThrowsAsync<LocalPostgresException>(() => PostgresCluster.StartPersistentAsync(folder, Folders.FreePort(), ct));
                Assert.Contains($"chmod o+x {closed}", refused.Message, StringComparison.Ordinal);
                Assert.Contains("Ledger__DataDirectory", refused.Message, StringComparison.Ordinal);
            }
            else
            {
                // Not root: the server runs as this user, who owns the folder, so it is no obstacle.
                await using var cluster = await PostgresCluster.StartPersistentAsync(folder, Folders.FreePort(), ct);
                Assert.True(cluster.StartedHere);
                await cluster.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(closed, recursive: true);
        }
    }
}
