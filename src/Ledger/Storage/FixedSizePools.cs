using Npgsql;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Every pool of the ledger (its own three, Marten's and the partner registry's) keeps each session it opens: its
/// minimum is its maximum, so Npgsql never prunes it. Sessions are still opened only on need.
/// </summary>
/// <remarks>
/// Npgsql's pruning closes, every five minutes, as many sessions as were idle at the median of its samples. Under a
/// steady load every session is idle between statements, so it closed the load's own, and the next callers opened
/// cold ones at once (a search's first run on a new session takes 20 ms instead of 1). And it closed a peak's surplus
/// all at once: a PostgreSQL session that ends unmaps the shared buffers it touched, which several ending together do
/// slowly. On two cores, 32 sessions that had read a few hundred megabytes of shared buffers held every other
/// session's queries for a fifth of a second (docs/performance.md, "Search"); the search benchmark met that pause
/// five minutes after loading its listings. Sixteen sessions a pool are more than a database of a few cores runs at
/// once; a larger database is given its size in the connection string (<c>Maximum Pool Size</c>). A connection
/// string that sets a minimum of its own keeps it, and with it Npgsql's pruning above that minimum.
/// </remarks>
internal static class FixedSizePools
{
    /// <summary>The size of each pool whose connection string sets none.</summary>
    public const int DefaultSize = 16;

    /// <summary><paramref name="connectionString"/> with its pools' minimum set to their maximum (16 unless given).</summary>
    public static string Of(string connectionString)
    {
        if (GivenSettings.Names(connectionString, "MinPoolSize", "MinimumPoolSize"))
        {
            return connectionString;
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!GivenSettings.Names(connectionString, "MaxPoolSize", "MaximumPoolSize"))
        {
            settings.MaxPoolSize = DefaultSize;
        }

        settings.MinPoolSize = settings.MaxPoolSize;
        return settings.ConnectionString;
    }
}
