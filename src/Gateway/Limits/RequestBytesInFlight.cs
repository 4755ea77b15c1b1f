using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Threading.RateLimiting;

namespace EPoomasi.Gateway.Limits;

/// <summary>
/// Bounds the request messages the gateway works on at once, by their size on the wire. What a request
/// costs in memory is mostly what its message becomes once parsed: objects, commands, statements and
/// their JSON, many times its wire size. Parsing comes before any handler could count items, so the
/// size is read first, from the gRPC frame header (or Content-Length), with the body left unread;
/// the request goes on only if that many bytes fit in <see cref="LimitOptions.MaxRequestBytesInFlight"/>,
/// and holds them until its response is written. Past the budget it is refused at once with
/// RESOURCE_EXHAUSTED and when to retry, as the ledger's own queue refuses work it cannot take, rather
/// than held: a caller learns at once, and a flood cannot run the capped heap out of memory, where any
/// allocation of any call might fail.
/// <para>
/// Long-lived calls (the live feed) are not counted: their one small message is read at once, and they
/// would hold their share for hours.
/// </para>
/// </summary>
public sealed class RequestBytesInFlight : IMiddleware, IDisposable
{
    private const int GrpcFrameHeaderBytes = 5;
    private const int BytesPerPermit = 1024;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly LimitOptions _limits;
    private readonly ConcurrencyLimiter _budget;

    public RequestBytesInFlight(LimitOptions limits)
    {
        _limits = limits;
        _budget = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = PermitsFor(limits.MaxRequestBytesInFlight),
            QueueLimit = 0,
        });
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!HasBody(request) || LongLivedCalls.Contains(request.Path))
        {
            await next(context);
            return;
        }

        var bytes = Math.Min(await SizeOfAsync(request, context.RequestAborted), _limits.MaxRequestBytes);
        using var lease = _budget.AttemptAcquire(PermitsFor(bytes));
        if (!lease.IsAcquired)
        {
            await ResourceExhaustedResponse.WriteAsync(context, RefusalFor(bytes), RetryAfter, context.RequestAborted);
            return;
        }

        await next(context);
    }

    public void Dispose() => _budget.Dispose();

    private static bool HasBody(HttpRequest request) => request.ContentLength is { } length
        ? length > 0
        : HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    // gRPC and binary gRPC-Web messages begin with a compressed flag and a 4-byte big-endian length.
    // A compressed message may grow when inflated, and base64 gRPC-Web text or a JSON body of unknown
    // length cannot be sized without reading it: those count as the largest request allowed.
    private async ValueTask<long> SizeOfAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var encoding = request.Headers["grpc-encoding"].ToString();
        if (encoding.Length > 0 && encoding != "identity")
        {
            return _limits.MaxRequestBytes;
        }

        if (request.ContentLength is { } length)
        {
            return length;
        }

        var type = request.ContentType ?? "";
        if (!type.StartsWith("application/grpc", StringComparison.Ordinal) || type.Contains("text", StringComparison.Ordinal))
        {
            return _limits.MaxRequestBytes;
        }

        var read = await request.BodyReader.ReadAtLeastAsync(GrpcFrameHeaderBytes, cancellationToken);
        try
        {
            return FrameSize(read.Buffer) ?? _limits.MaxRequestBytes;
        }
        finally
        {
            // Nothing consumed: the gRPC handler reads the message from its first byte.
            request.BodyReader.AdvanceTo(read.Buffer.Start);
        }
    }

    private static long? FrameSize(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < GrpcFrameHeaderBytes)
        {
            return buffer.Length;
        }

        Span<byte> header = stackalloc byte[GrpcFrameHeaderBytes];
        buffer.Slice(0, GrpcFrameHeaderBytes).CopyTo(header);
        var compressed = header[0] != 0;
        return compressed ? null : GrpcFrameHeaderBytes + (long)BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
    }

    private string RefusalFor(long bytes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"The gateway is already working on as many requests as it holds at once ({_limits.MaxRequestBytesInFlight / 1024} KB of messages); this one ({bytes / 1024} KB) was not read. Try again in {RetryAfter.TotalSeconds:0} s.");

    private static int PermitsFor(long bytes) => (int)Math.Max(1, (bytes + BytesPerPermit - 1) / BytesPerPermit);
}
