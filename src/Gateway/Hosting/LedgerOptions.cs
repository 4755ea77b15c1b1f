namespace EPoomasi.Gateway.Hosting;

/// <summary>The <c>Ledger</c> configuration section (also settable as <c>Ledger__ConnectionString</c> and so on).</summary>
public sealed class LedgerOptions
{
    /// <summary>PostgreSQL connection string. Empty: start a private PostgreSQL in <see cref="DataDirectory"/>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Where the embedded PostgreSQL keeps its data, kept across restarts.</summary>
    public string DataDirectory { get; set; } = ".data/postgres";

    /// <summary>Loopback port of the embedded PostgreSQL.</summary>
    public int EmbeddedPostgresPort { get; set; } = 5544;

    /// <summary>Database schema of the ledger's tables.</summary>
    public string Schema { get; set; } = "ledger";

    /// <summary>
    /// Most transactions one group of transfer requests runs at once, on parts that share no account
    /// (see <c>TransferWriter</c>). Two suits a 2-core database server; more cores may take more.
    /// </summary>
    public int ParallelTransactions { get; set; } = 2;

    /// <summary>How often holds past their timeout are expired.</summary>
    public int HoldExpiryIntervalSeconds { get; set; } = 5;

    /// <summary>How often deals whose time has come are expired or confirmed.</summary>
    public int DealSchedulerIntervalSeconds { get; set; } = 10;

    /// <summary>The exchange's time rules (Ledger:Exchange:ConfirmWithin, say, as "3.00:00:00").</summary>
    public Exchange.ExchangeSettings Exchange { get; set; } = new();

    /// <summary>
    /// Whether the gateway carries a database of an older storage layout forward when it starts (true), or
    /// refuses to start until the operator has run the gateway's <c>migrate</c> command (false).
    /// </summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>Create Seoul's 25 districts when the ledger holds no district at all.</summary>
    public bool SeedSeoulDistricts { get; set; } = true;

    /// <summary>How often the journal is sealed (the hash chain extended over new events).</summary>
    public int SealIntervalMilliseconds { get; set; } = 250;

    /// <summary>How often an account feed looks for new entries.</summary>
    public int FeedPollMilliseconds { get; set; } = 250;
}
