using System.Text;

namespace EPoomasi.Fuzzer;

/// <summary>
/// What goes wrong with bytes and JSON on their way to a server: strings that are not UTF-8, messages
/// cut short or with a byte changed, malformed varints, frames that lie about their length, JSON with
/// unknown fields, wrong types, or no end. Each returns what it did, for the report.
/// </summary>
public sealed class Mutations(Random random)
{
    private static readonly byte[] Marker = Encoding.UTF8.GetBytes(Values.InvalidUtf8Marker);

    // The same length as the marker, so every length prefix around it stays right: 0xC3 0x28 is not UTF-8.
    private static readonly byte[] NotUtf8 = [0xC3, 0x28, .. Enumerable.Repeat((byte)'x', Marker.Length - 2)];

    /// <summary>The gRPC body for <paramref name="message"/>, mutated or not; and what was done to it.</summary>
    public (byte[] Body, string Mutation) Grpc(byte[] message)
    {
        var bytes = ReplaceMarkers(message, out var replaced);
        var mutation = replaced ? "invalid UTF-8" : "none";
        switch (random.Next(20))
        {
            case 0 when bytes.Length > 1:
                bytes = bytes[..random.Next(1, bytes.Length)];
                mutation = "message cut short";
                break;
            case 1 when bytes.Length > 0:
                bytes = (byte[])bytes.Clone();
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                mutation = "a byte changed";
                break;
            case 2:
                bytes = [.. bytes, 0x78, .. Enumerable.Repeat((byte)0xFF, 11)];
                mutation = "malformed varint";
                break;
            case 3:
                bytes = [.. bytes, 0x9A, 0x06, 0x05, 1, 2, 3, 4, 5];
                mutation = "unknown field";
                break;
            case 4:
                return (Wire.Frame(bytes, declaredLength: bytes.Length + random.Next(1, 100)), "frame longer than its message");
            case 5:
                return ([.. Wire.Frame(bytes), .. Wire.Frame(bytes)], "two messages");
            case 6:
                return (Wire.Frame(bytes, flag: (byte)random.Next(1, 256)), "compressed flag without an encoding");
            case 7:
                return (random.Next(2) == 0 ? [] : [0, 0, 0], "frame header cut short");
        }

        return (Wire.Frame(bytes), mutation);
    }

    /// <summary>A JSON body, mutated or not; and what was done to it.</summary>
    public (string Body, string Mutation) Json(string json)
    {
        switch (random.Next(12))
        {
            case 0 when json.Length > 2:
                return (json[..random.Next(1, json.Length - 1)], "JSON cut short");
            case 1 when json.StartsWith('{') && json.Length > 2:
                return ("{\"holdTimeoutSecs\":\"600\"," + json[1..], "unknown field");
            case 2:
                return (json.Replace("\"60\"", "\"1.5\"", StringComparison.Ordinal).Replace("\"1\"", "1.5", StringComparison.Ordinal), "fractions for whole numbers");
            case 3:
                return (json.Replace("\"TRANSFER_CODE_SERVICE\"", "\"TRANSFER_CODE_BRIBE\"", StringComparison.Ordinal)
                    .Replace("\"ACCOUNT_KIND_MEMBER\"", "{}", StringComparison.Ordinal), "unknown enum names");
            case 4:
                return (random.Next(3) switch { 0 => "[]", 1 => "null", _ => "\"text\"" }, "not an object");
            case 5:
                return (new string('[', 5_000) + new string(']', 5_000), "nested too deep");
            case 6:
                return (json.Replace("\"", "\"\\ud800", StringComparison.Ordinal), "half surrogate pairs");
        }

        return (json, "none");
    }

    private static byte[] ReplaceMarkers(byte[] message, out bool replaced)
    {
        replaced = false;
        var at = message.AsSpan().IndexOf(Marker);
        if (at < 0)
        {
            return message;
        }

        var copy = (byte[])message.Clone();
        while (at >= 0)
        {
            NotUtf8.CopyTo(copy, at);
            replaced = true;
            var next = copy.AsSpan(at + Marker.Length).IndexOf(Marker);
            at = next < 0 ? -1 : at + Marker.Length + next;
        }

        return copy;
    }
}
