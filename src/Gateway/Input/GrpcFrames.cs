using System.Buffers;
using System.Buffers.Binary;
using EPoomasi.Gateway.Errors;
using EPoomasi.Gateway.Limits;
using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace EPoomasi.Gateway.Input;

/// <summary>
/// Checks the framing of a gRPC request that carries one message (unary and server-streaming calls)
/// before the handler reads it: one whole frame, a compressed flag of 0 or 1 (1 only with an encoding),
/// nothing after it. grpc-dotnet answers a truncated or padded frame with INTERNAL, which tells a client
/// the server failed; it is the request that is malformed, so it is refused here as INVALID_ARGUMENT.
/// The frame stays buffered, unconsumed, for the handler. A frame larger than the message limit is left
/// to the handler's own RESOURCE_EXHAUSTED.
/// </summary>
public sealed class GrpcFrames(LimitOptions limits) : IMiddleware
{
    private const int HeaderBytes = 5;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!StatusResponse.IsGrpc(request) || request.ContentType!.Contains("text", StringComparison.Ordinal)
            || context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { Method.Type: MethodType.Unary or MethodType.ServerStreaming })
        {
            await next(context);
            return;
        }

        string? problem;
        try
        {
            problem = await FindProblemAsync(request, context.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own body limit, which grpc-dotnet lifts only inside its handler, after this check.
            await StatusResponse.WriteAsync(context, new Google.Rpc.Status
            {
                Code = (int)Google.Rpc.Code.ResourceExhausted,
                Message = $"The request is larger than the {limits.MaxRequestBytes / 1024 / 1024} MiB message the gateway accepts; it was not read.",
            }, StatusCodes.Status413PayloadTooLarge, context.RequestAborted);
            return;
        }

        if (problem is not null)
        {
            var violations = new FieldViolations();
            violations.Add("", problem);
            await StatusResponse.WriteAsync(context, violations.ToStatus(), StatusCodes.Status400BadRequest, context.RequestAborted);
            return;
        }

        await next(context);
    }

    private async Task<string?> FindProblemAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        var header = await reader.ReadAtLeastAsync(HeaderBytes, cancellationToken);
        var (flag, length) = ReadHeader(header.Buffer);
        reader.AdvanceTo(header.Buffer.Start);
        if (length is null)
        {
            return "The request ended before its gRPC message frame's 5-byte header.";
        }

        if (flag > 1)
        {
            return $"The gRPC frame's compressed flag is {flag}; it must be 0 or 1.";
        }

        var encoding = request.Headers["grpc-encoding"].ToString();
        if (flag == 1 && (encoding.Length == 0 || encoding == "identity"))
        {
            return "The gRPC frame is marked compressed, but the request names no grpc-encoding.";
        }

        if (length > limits.MaxRequestBytes)
        {
            return null;
        }

        var frameBytes = HeaderBytes + length.Value;
        // One byte more than the frame, or the end of the request: whichever comes first tells what follows it.
        var whole = await reader.ReadAtLeastAsync((int)frameBytes + 1, cancellationToken);
        var received = whole.Buffer.Length;
        // Nothing consumed, everything examined: HTTP/2 flow control opens its window by what was examined,
        // and the request has ended (or gone past its frame), so the handler's read waits for nothing more.
        reader.AdvanceTo(whole.Buffer.Start, whole.Buffer.End);
        if (received < frameBytes)
        {
            return $"The request ended inside its gRPC message: the frame declares {length} bytes, {received - HeaderBytes} arrived.";
        }

        return received > frameBytes ? "The request holds more than the one gRPC message this method takes." : null;
    }

    private static (byte Flag, long? Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < HeaderBytes)
        {
            return (0, null);
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        buffer.Slice(0, HeaderBytes).CopyTo(header);
        return (header[0], BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
    }
}
