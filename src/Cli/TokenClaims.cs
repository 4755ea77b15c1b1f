using System.Buffers.Text;
using System.Text.Json;

namespace EPoomasi.Cli;

/// <summary>
/// What a token says about its holder, read without checking its signature: only to fill in a default (a
/// coordinator's district). The gateway checks the token on every call, and refuses what it does not allow.
/// </summary>
internal static class TokenClaims
{
    public static string? District(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1])) return null;
        try
        {
            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return claims.RootElement.ValueKind == JsonValueKind.Object && claims.RootElement.TryGetProperty("district", out var district) && district.ValueKind == JsonValueKind.String
                ? district.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
