using System.Data.Common;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Which settings a connection string names itself, so that the ledger's own defaults for them give way. Npgsql's
/// builder cannot tell: it answers every setting, given or not.
/// </summary>
internal static class GivenSettings
{
    /// <summary>Whether <paramref name="connectionString"/> names a setting whose name, without spaces, contains <paramref name="part"/>.</summary>
    public static bool Names(string connectionString, string part)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Contains(part, StringComparison.OrdinalIgnoreCase));
    }
}
