using System.Text.Json;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Limits;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace EPoomasi.Gateway.Input;

/// <summary>
/// Guards the HTTP/JSON way in as gRPC's own limits guard the binary one, before JSON transcoding reads
/// anything. A body larger than <see cref="LimitOptions.MaxRequestBytes"/> is refused with 413 (at once
/// when its length is declared, as soon as it grows past the limit otherwise), never read whole or
/// parsed. The body and the query string are checked against the RPC's request message
/// (<see cref="JsonFields"/>): unknown fields and ill-typed values are refused with INVALID_ARGUMENT
/// naming each of them. What passes goes on to transcoding unchanged.
/// </summary>
public sealed class JsonRequests(LimitOptions limits) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } rpc)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var input = rpc.MethodDescriptor.InputType;
        var problems = new List<(string Field, string Problem)>();
        foreach (var (name, values) in request.Query)
        {
            foreach (var value in values)
            {
                JsonFields.CheckQuery(name, value ?? "", input, problems);
            }
        }

        var bodyField = rpc.HttpRule.Body;
        if (bodyField.Length > 0)
        {
            var body = await ReadBoundedAsync(request, context.RequestAborted);
            if (body is null)
            {
                await StatusResponse.WriteAsync(context, TooLarge(), StatusCodes.Status413PayloadTooLarge, context.RequestAborted);
                return;
            }

            CheckBody(body, bodyField == "*" ? input : input.FindFieldByName(bodyField).MessageType, problems);
            request.Body = new MemoryStream(body, writable: false);
        }

        if (problems.Count > 0)
        {
            var violations = new FieldViolations();
            foreach (var (field, problem) in problems)
            {
                violations.Add(field, problem);
            }

            await StatusResponse.WriteAsync(context, violations.ToStatus(), StatusCodes.Status400BadRequest, context.RequestAborted);
            return;
        }

        await next(context);
    }

    private static void CheckBody(byte[] body, Google.Protobuf.Reflection.MessageDescriptor type, List<(string, string)> problems)
    {
        if (body.Length == 0)
        {
            return;
        }

        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            JsonFields.Check(json.RootElement, type, "", problems);
        }
        catch (JsonException malformed)
        {
            problems.Add(("", $"The body is not valid JSON: {malformed.Message}"));
        }
    }

    // The body, or null when it is larger than the limit; nothing past the limit is read.
    private async Task<byte[]?> ReadBoundedAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limits.MaxRequestBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private Google.Rpc.Status TooLarge() => new()
    {
        Code = (int)Code.ResourceExhausted,
        Message = $"The request body is larger than the {limits.MaxRequestBytes / 1024 / 1024} MiB the gateway accepts; it was not read. Send fewer items per request.",
    };
}
