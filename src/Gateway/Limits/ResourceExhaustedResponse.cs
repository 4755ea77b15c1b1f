using System.Globalization;
using EPoomasi.Gateway.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace EPoomasi.Gateway.Limits;

/// <summary>
/// A refusal written by middleware: RESOURCE_EXHAUSTED with a <see cref="RetryInfo"/> detail (HTTP/JSON
/// callers get 429 with Retry-After).
/// </summary>
public static class ResourceExhaustedResponse
{
    public static Task WriteAsync(HttpContext context, string message, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = message,
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
        };
        return StatusResponse.WriteAsync(context, status, StatusCodes.Status429TooManyRequests, cancellationToken);
    }
}
