namespace EPoomasi.Ledger;

/// <summary>How a host opens the ledger.</summary>
public sealed record LedgerSettings(string ConnectionString)
{
    /// <summary>The PostgreSQL schema of every table of this ledger.</summary>
    public string Schema { get; init; } = "ledger";

    /// <summary>Most write transactions one group of requests runs at once, on parts that share no account.</summary>
    public int ParallelTransactions { get; init; } = 2;

    /// <summary>Create Seoul's 25 districts when the ledger holds no district at all (see <see cref="Districts.Seeding.SeoulDistricts"/>).</summary>
    public bool SeedSeoulDistricts { get; init; } = true;

    /// <summary>Carry a database of an older storage layout forward on opening (true), or refuse it (false).</summary>
    public bool MigrateAtStart { get; init; } = true;

    /// <summary>The connection string without its password, to show people and logs.</summary>
    public string DatabaseDescription => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString;
}
