using System.Security.Cryptography;
using System.Text;

namespace EPoomasi.Ledger.Partners;

/// <summary>
/// The text of an API key, <c>epk.{key id}.{secret}</c>: the id finds the key's record, the secret
/// proves possession. Secrets are 32 random bytes, so a plain SHA-256 of them is safe to store.
/// </summary>
internal static class ApiKey
{
    private const string Prefix = "epk";

    public static (string Text, Guid KeyId, string SecretHash) Create()
    {
        var keyId = Guid.NewGuid();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ($"{Prefix}.{keyId:N}.{secret}", keyId, Hash(secret));
    }

    /// <summary>The key id and secret of a well-formed key, or null.</summary>
    public static (Guid KeyId, string Secret)? Parse(string? text)
    {
        var parts = text?.Split('.') ?? [];
        return parts.Length == 3 && parts[0] == Prefix && Guid.TryParseExact(parts[1], "N", out var keyId) && parts[2].Length is > 20 and < 100
            ? (keyId, parts[2])
            : null;
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time, so that timing reveals nothing about the stored hash.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
