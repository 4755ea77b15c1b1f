using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace EPoomasi.Gateway.Limits;

/// <summary>
/// A refusal written by middleware, before any gRPC handler runs: gRPC and gRPC-Web callers get
/// RESOURCE_EXHAUSTED with a <see cref="RetryInfo"/> detail as a trailers-only response; HTTP/JSON
/// callers get 429 with Retry-After and the same status as JSON.
/// </summary>
public static class ResourceExhaustedResponse
{
    private static readonly JsonFormatter StatusJson = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(RetryInfo.Descriptor)));

    public static async Task WriteAsync(HttpContext context, string message, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = message,
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
        };
        var response = context.Response;
        response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = context.Request.ContentType;
            response.Headers["grpc-status"] = ((int)Code.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
            return;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = "application/json";
        await response.WriteAsync(StatusJson.Format(status), cancellationToken);
    }
}
