using System.Security.Cryptography;
using System.Text;

namespace EPoomasi.Ledger;

/// <summary>
/// Ids of the accounts every district has. They are derived from district codes (name-based
/// UUIDs), so a writer can name and lock them without first reading anything.
/// </summary>
public static class WellKnownAccounts
{
    private static readonly Guid Namespace = new("5b7e1c2a-0d3f-4c55-9a61-e90f0a5c7d11");

    /// <summary>The district's issuance account: minting is a transfer out of it.</summary>
    public static Guid Issuance(string districtId) => Derive($"issuance/{districtId}");

    /// <summary>The district's community pot.</summary>
    public static Guid CommunityPot(string districtId) => Derive($"pot/{districtId}");

    /// <summary><paramref name="districtId"/>'s clearing account facing <paramref name="counterpartDistrictId"/>.</summary>
    public static Guid Clearing(string districtId, string counterpartDistrictId) =>
        Derive($"clearing/{districtId}/{counterpartDistrictId}");

    /// <summary>The event stream of a district's own settings.</summary>
    public static Guid DistrictStream(string districtId) => Derive($"district/{districtId}");

    // RFC 4122 version 5 (SHA-1, name-based): stable across processes and releases.
    private static Guid Derive(string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(name.Length)];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        var length = 16 + Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for name-based ids; no security rests on it.
        SHA1.HashData(input[..length], hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
