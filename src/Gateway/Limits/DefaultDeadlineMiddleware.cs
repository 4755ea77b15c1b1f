using System.Globalization;

namespace EPoomasi.Gateway.Limits;

/// <summary>
/// Gives a gRPC or gRPC-Web call without a deadline the configured default, by adding the
/// <c>grpc-timeout</c> header the client left out; gRPC then enforces it like any client's deadline,
/// all the way into PostgreSQL. Long-lived streams (the live feed, reflection, health watches) are exempt,
/// and so are the auditor's calls that read the whole ledger: they take time in proportion to its size, only
/// auditors and administrators may make them, and a caller who wants a bound sets a deadline.
/// </summary>
public sealed class DefaultDeadlineMiddleware(RequestDelegate next, LimitOptions limits)
{
    private static readonly HashSet<string> WholeLedgerReads = new(StringComparer.Ordinal)
    {
        "/epoomasi.ledger.v1.AuditService/VerifyJournal",
        "/epoomasi.ledger.v1.AuditService/RebuildProjections",
    };

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true
            && !request.Headers.ContainsKey("grpc-timeout")
            && !LongLivedCalls.Contains(request.Path)
            && !(request.Path.Value is { } path && WholeLedgerReads.Contains(path)))
        {
            request.Headers["grpc-timeout"] = limits.DefaultDeadlineSeconds.ToString(CultureInfo.InvariantCulture) + "S";
        }

        return next(context);
    }
}
