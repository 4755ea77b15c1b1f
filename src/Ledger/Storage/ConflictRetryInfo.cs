namespace EPoomasi.Ledger.Storage;

/// <summary>Lets a host tell a lost race (worth retrying with the same ids) from other failures.</summary>
public static class ConflictRetryInfo
{
    /// <summary>True when <paramref name="exception"/> is a write conflict that PostgreSQL rolled back.</summary>
    public static bool IsConflict(Exception exception) => ConflictRetry.IsConflict(exception);
}
