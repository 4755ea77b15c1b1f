namespace EPoomasi.LocalPostgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl).</summary>
public static class PostgresBinaries
{
    /// <summary>
    /// The folder holding initdb and pg_ctl: <c>POSTGRES_BIN</c> when set, else the newest
    /// <c>/usr/lib/postgresql/*/bin</c>. Throws with install advice when there is none.
    /// </summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("POSTGRES_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServer(configured) ? configured
                : throw new InvalidOperationException($"POSTGRES_BIN={configured} holds no initdb and pg_ctl.");
        }

        const string debianRoot = "/usr/lib/postgresql";
        var found = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(dir => (Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0, Bin: Path.Combine(dir, "bin")))
                .Where(candidate => HasServer(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "No PostgreSQL server found. Install it (Debian: apt-get install -y postgresql) or set POSTGRES_BIN to the folder holding initdb and pg_ctl.");
    }

    private static bool HasServer(string bin) => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl"));
}
