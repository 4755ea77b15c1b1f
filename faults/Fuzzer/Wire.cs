using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace EPoomasi.Fuzzer;

/// <summary>
/// Requests as bytes on the wire: gRPC frames over HTTP/2 (any bytes, any framing) and JSON over
/// HTTP/1.1. Answers what came back, as a client sees it.
/// </summary>
public sealed class Wire(Uri grpc, Uri http) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A gRPC frame: compressed flag, 4-byte big-endian length, message.</summary>
    public static byte[] Frame(byte[] message, byte flag = 0, int? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(declaredLength ?? message.Length));
        message.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Sends <paramref name="body"/> to a gRPC method; the status code and message the server gave (-1: no gRPC status at all).</summary>
    public async Task<(int Status, string Message)> GrpcAsync(string path, byte[] body, string? token, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(grpc, path))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        Authorize(request, token);
        if (deadline is { } d)
        {
            request.Headers.TryAddWithoutValidation("grpc-timeout", d <= TimeSpan.Zero ? "1n" : $"{(long)Math.Ceiling(d.TotalMilliseconds)}m");
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException broken)
        {
            // An answer no client can read (headers over the 64 KB clients allow, a reset stream) is the server's fault.
            return (-1, $"no readable answer: {broken.InnerException?.InnerException?.Message ?? broken.InnerException?.Message ?? broken.Message}");
        }

        using var _ = response;
        string? Find(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values) ? values.First() : null;
        var status = Find("grpc-status");
        var message = Uri.UnescapeDataString(Find("grpc-message") ?? "");
        return status is null ? (-1, $"HTTP {(int)response.StatusCode} without grpc-status") : (int.Parse(status, CultureInfo.InvariantCulture), message);
    }

    /// <summary>Sends JSON to a transcoded route; the HTTP status and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> JsonAsync(HttpMethod method, string pathAndQuery, string? body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(http, pathAndQuery));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        Authorize(request, token);
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException closed) when (closed.InnerException is IOException)
        {
            // The server answered before the body was sent (413 for a body over the limit) and closed the
            // connection: refused unread, which is allowed. 0 stands for "no status read".
            return (0, "connection closed by the server while the body was being sent");
        }
        catch (HttpRequestException unreachable)
        {
            // Nobody listening (a gateway killed by the fault harness): no status at all.
            return (0, $"no answer: {unreachable.Message}");
        }
    }

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
        }
    }

    public void Dispose() => _client.Dispose();
}
