using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EPoomasi.LocalPostgres;

/// <summary>
/// A private PostgreSQL server in a data directory of our own, listening on loopback only: throwaway
/// for tests, persistent for the gateway's embedded default. PostgreSQL refuses to run as root, so when
/// this process is root the server runs as the <c>postgres</c> user, who then owns the directory.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly bool _deleteOnDispose;

    // True only while a server this process started is running: a process stops only its own server,
    // never one it found running (another gateway's, say).
    private bool _startedHere;

    private PostgresCluster(string bin, string dataDirectory, int port, bool deleteOnDispose)
    {
        _bin = bin;
        DataDirectory = dataDirectory;
        Port = port;
        _deleteOnDispose = deleteOnDispose;
    }

    /// <summary>Where the cluster keeps its data.</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string to <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    // Administrative connections are not pooled: a pooled one outlives a restart of the server and fails once.
    private string AdminConnectionString => ConnectionString() + ";Pooling=false";

    /// <summary>
    /// A throwaway cluster in a new temporary directory, removed on dispose. Durability is traded for speed.
    /// Throwaway clusters whose owning process has died (a killed test run) are stopped and removed first.
    /// </summary>
    public static async Task<PostgresCluster> StartTemporaryAsync(CancellationToken cancellationToken)
    {
        await TemporaryClusters.SweepAbandonedAsync(directory => StopAbandonedAsync(directory), cancellationToken);
        var directory = TemporaryClusters.Claim();
        return await StartAsync(directory, FreePort(), deleteOnDispose: true, cancellationToken);
    }

    /// <summary>A cluster that keeps its data in <paramref name="dataDirectory"/> across restarts, fsync on.</summary>
    public static Task<PostgresCluster> StartPersistentAsync(string dataDirectory, int port, CancellationToken cancellationToken) =>
        StartAsync(Path.GetFullPath(dataDirectory), port, deleteOnDispose: false, cancellationToken);

    /// <summary>Creates an empty database, optionally as a copy of <paramref name="template"/>.</summary>
    public async Task CreateDatabaseAsync(string name, string? template, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates <paramref name="name"/> unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await CreateDatabaseAsync(name, null, cancellationToken);
        }
    }

    /// <summary>Stops the server (fast shutdown: open transactions roll back).</summary>
    public async Task StopAsync()
    {
        if (_startedHere)
        {
            // A server already gone (stopped by hand, say) is what stopping wanted: not an error.
            await RunAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None, check: false);
            _startedHere = false;
        }
    }

    /// <summary>True when this process started the server (false when it found one already running and uses it).</summary>
    public bool StartedHere => _startedHere;

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        await StartServerAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_deleteOnDispose)
        {
            TemporaryClusters.Release(DataDirectory);
        }
    }

    private bool Durable => !_deleteOnDispose;

    private static async Task<PostgresCluster> StartAsync(string directory, int port, bool deleteOnDispose, CancellationToken cancellationToken)
    {
        var cluster = new PostgresCluster(PostgresBinaries.Locate(), directory, port, deleteOnDispose);
        Directory.CreateDirectory(directory);
        if (RunningAsRoot)
        {
            await RunProcessAsync("chown", ["postgres:postgres", directory], cancellationToken);
            await EnsurePostgresUserCanReachAsync(directory, cancellationToken);
        }

        if (!File.Exists(Path.Combine(directory, "PG_VERSION")))
        {
            await cluster.RunAsync("initdb", ["-D", directory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-instructions"], cancellationToken);
        }

        await cluster.StartServerAsync(cancellationToken);
        return cluster;
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // A persistent cluster may still be running, from a process that was killed or another gateway on
        // the same folder: use it as it is, and leave stopping it to whoever started it.
        if (await RunAsync("pg_ctl", ["status", "-D", DataDirectory], cancellationToken, check: false) == 0)
        {
            return;
        }

        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c max_connections=300",
            Durable ? "" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync("pg_ctl", ["start", "-D", DataDirectory, "-w", "-t", "60",
            "-l", Path.Combine(DataDirectory, "server.log"), "-o", options], cancellationToken);
        _startedHere = true;
    }

    private static async Task StopAbandonedAsync(string directory)
    {
        var bin = PostgresBinaries.Locate();
        var pgCtl = Path.Combine(bin, "pg_ctl");
        string[] stop = ["stop", "-D", directory, "-m", "immediate", "-w"];
        await (RunningAsRoot
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", pgCtl, .. stop], CancellationToken.None, check: false)
            : RunProcessAsync(pgCtl, stop, CancellationToken.None, check: false));
    }

    // PostgreSQL runs as the postgres user, who must be able to enter every folder above its data
    // directory: a checkout under /root or in a mode-700 temporary folder is closed to it.
    private static async Task EnsurePostgresUserCanReachAsync(string directory, CancellationToken cancellationToken)
    {
        if (await RunProcessAsync("runuser", ["-u", "postgres", "--", "test", "-w", directory, "-a", "-x", directory], cancellationToken, check: false) == 0)
        {
            return;
        }

        var blocked = directory;
        for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (await RunProcessAsync("runuser", ["-u", "postgres", "--", "test", "-x", parent], cancellationToken, check: false) != 0)
            {
                blocked = parent;
            }
        }

        throw new LocalPostgresException(
            $"PostgreSQL must run as the 'postgres' user here (this process is root), and that user cannot enter {blocked}, " +
            $"so it cannot use the data folder {directory}. Do one of these: let it in (chmod o+x {blocked}); " +
            "choose a data folder it can reach (Ledger__DataDirectory=/var/lib/epoomasi/postgres); " +
            "or use a PostgreSQL server of your own (Ledger__ConnectionString=\"Host=...;Database=...\").");
    }

    private Task<int> RunAsync(string program, string[] arguments, CancellationToken cancellationToken, bool check = true)
    {
        var path = Path.Combine(_bin, program);
        return RunningAsRoot
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", path, .. arguments], cancellationToken, check)
            : RunProcessAsync(path, arguments, cancellationToken, check);
    }

    private static bool RunningAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static async Task<int> RunProcessAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, bool check = true)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // pg_ctl's server inherits our working directory; one it cannot read makes it complain.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
