using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Rpc;
using Grpc.Core;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// gRPC calls written byte by byte over HTTP/2, as a hostile or broken client would send them: any
/// message bytes, any frame. Answers the status the server gave and its field violations.
/// </summary>
public static class RawGrpc
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler());

    /// <summary>A gRPC frame around <paramref name="message"/>: flag, 4-byte big-endian length, message.</summary>
    public static byte[] Frame(byte[] message, byte flag = 0, int? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(declaredLength ?? message.Length));
        message.CopyTo(frame, 5);
        return frame;
    }

    public static async Task<(StatusCode Status, string Message, IReadOnlyList<string> Fields)> CallAsync(
        Uri address, string method, byte[] body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, method))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        string? Find(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values) ? values.First() : null;
        var code = (StatusCode)int.Parse(Find("grpc-status") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
        var message = Uri.UnescapeDataString(Find("grpc-message") ?? "");
        var fields = new List<string>();
        if (Find("grpc-status-details-bin") is { } details)
        {
            var padded = details.PadRight(details.Length + (4 - details.Length % 4) % 4, '=');
            var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(padded));
            fields.AddRange(status.Details.Where(d => d.Is(BadRequest.Descriptor)).SelectMany(d => d.Unpack<BadRequest>().FieldViolations).Select(v => v.Field));
        }

        return (code, message, fields);
    }
}
