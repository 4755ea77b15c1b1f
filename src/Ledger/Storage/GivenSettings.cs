using System.Data.Common;

namespace EPoomasi.Ledger.Storage;

/// <summary>
/// Which settings a connection string names itself, so that the ledger's own defaults for them give way. Npgsql's
/// builder cannot tell: it answers every setting, given or not.
/// </summary>
internal static class GivenSettings
{
    /// <summary>
    /// Whether <paramref name="connectionString"/> names a setting whose name, without spaces, contains one of
    /// <paramref name="parts"/> (a setting's synonyms, such as <c>MinPoolSize</c> and <c>MinimumPoolSize</c>).
    /// </summary>
    public static bool Names(string connectionString, params string[] parts)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .Any(name => parts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase)));
    }
}
