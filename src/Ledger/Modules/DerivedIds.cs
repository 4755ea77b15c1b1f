using System.Security.Cryptography;
using System.Text;

namespace EPoomasi.Ledger.Modules;

/// <summary>
/// Ids derived from another id and a purpose, always the same for the same pair: the hold a deal's
/// acceptance places, say. A module that names its transfers this way gets the ledger's idempotency for
/// them too, whatever retries its own command goes through.
/// </summary>
public static class DerivedIds
{
    /// <summary>A version-8 UUID from SHA-256 of <paramref name="id"/> and <paramref name="purpose"/>.</summary>
    public static Guid From(Guid id, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(purpose.Length)];
        id.TryWriteBytes(input, bigEndian: true, out _);
        var length = 16 + Encoding.UTF8.GetBytes(purpose, input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..length], hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
