namespace EPoomasi.Gateway.Hosting;

/// <summary>Every message the gateway logs, source-generated so that a disabled level costs nothing.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "No Ledger:ConnectionString configured: started a private PostgreSQL in {DataDirectory} on 127.0.0.1:{Port}")]
    public static partial void StartedEmbeddedPostgres(this ILogger logger, string dataDirectory, int port);

    [LoggerMessage(16, LogLevel.Information, "Indexed {Count} states of {Kind} again for search: its tokenizer changed")]
    public static partial void Reindexed(this ILogger logger, int count, string kind);

    [LoggerMessage(2, LogLevel.Information, "Expired {Count} holds")]
    public static partial void ExpiredHolds(this ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Information, "Opened the mint budget period of {Count} districts")]
    public static partial void OpenedBudgetPeriods(this ILogger logger, int count);

    [LoggerMessage(11, LogLevel.Warning, "Opening mint budget periods failed")]
    public static partial void OpeningBudgetPeriodsFailed(this ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "Settled or expired {Count} deals whose time had come")]
    public static partial void SettledDueDeals(this ILogger logger, int count);

    [LoggerMessage(13, LogLevel.Warning, "Settling due deals failed")]
    public static partial void SettlingDueDealsFailed(this ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "Reading how far the log is sealed, for members' event streams, failed")]
    public static partial void ReadingMemberEventsFailed(this ILogger logger, Exception exception);

    [LoggerMessage(15, LogLevel.Information, "Told the owners of {Count} listings that they expire soon")]
    public static partial void NoticedExpiringListings(this ILogger logger, int count);

    [LoggerMessage(3, LogLevel.Warning, "Expiring holds failed")]
    public static partial void ExpiringHoldsFailed(this ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Database unavailable during {Method}")]
    public static partial void DatabaseUnavailable(this ILogger logger, Exception exception, string method);

    [LoggerMessage(6, LogLevel.Warning, "Denied {Method} to {Subject} ({Role}): {Reason}")]
    public static partial void Denied(this ILogger logger, string method, string subject, string role, string reason);

    [LoggerMessage(5, LogLevel.Error, "Unexpected failure in {Method}")]
    public static partial void UnexpectedFailure(this ILogger logger, Exception exception, string method);

    [LoggerMessage(7, LogLevel.Warning, "Reading the versions of watched accounts failed")]
    public static partial void WatchingAccountsFailed(this ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Sealing the journal failed")]
    public static partial void SealingFailed(this ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Debug, "{Method} failed after its caller had left")]
    public static partial void FailedAfterCallerLeft(this ILogger logger, Exception exception, string method);
}
