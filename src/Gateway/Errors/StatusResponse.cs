using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace EPoomasi.Gateway.Errors;

/// <summary>
/// A status written by middleware, before any gRPC handler runs: gRPC and gRPC-Web callers get it as a
/// trailers-only response with its details; HTTP/JSON callers get <c>httpStatus</c> and the same status
/// as JSON, as JSON transcoding writes its own errors.
/// </summary>
public static class StatusResponse
{
    private static readonly JsonFormatter StatusJson = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        TypeRegistry.FromMessages(RetryInfo.Descriptor, BadRequest.Descriptor, ErrorInfo.Descriptor)));

    public static async Task WriteAsync(HttpContext context, Google.Rpc.Status status, int httpStatus, CancellationToken cancellationToken)
    {
        var response = context.Response;
        if (IsGrpc(context.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = context.Request.ContentType;
            response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
            return;
        }

        response.StatusCode = httpStatus;
        response.ContentType = "application/json";
        await response.WriteAsync(StatusJson.Format(status), cancellationToken);
    }

    /// <summary>True for gRPC and gRPC-Web requests, false for HTTP/JSON.</summary>
    public static bool IsGrpc(Microsoft.AspNetCore.Http.HttpRequest request) => request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;
}
