using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EPoomasi.Gateway.Limits;

/// <summary>
/// Per-caller rate limits with ASP.NET Core rate limiting, and the budget of request bytes in flight
/// (<see cref="RequestBytesInFlight"/>); refusals carry when to try again.
/// </summary>
public static class RateLimitHostingExtensions
{
    public static IHostApplicationBuilder AddGatewayLimits(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Limits").Get<LimitOptions>() ?? new LimitOptions();
        if (limits.MaxRequestBytesInFlight < limits.MaxRequestBytes)
        {
            throw new InvalidOperationException(
                $"Limits:MaxRequestBytesInFlight ({limits.MaxRequestBytesInFlight}) must be at least Limits:MaxRequestBytes ({limits.MaxRequestBytes}), or the largest request could never run.");
        }

        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<RequestBytesInFlight>();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                var (key, perSecond) = CallerPartition.Of(http, limits);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, perSecond * 2),
                    TokensPerPeriod = Math.Max(1, perSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = (context, cancellationToken) => RejectAsync(context, cancellationToken);
        });
        return builder;
    }

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var message = $"Too many requests: try again in {Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s.";
        return new ValueTask(ResourceExhaustedResponse.WriteAsync(context.HttpContext, message, retryAfter, cancellationToken));
    }
}
