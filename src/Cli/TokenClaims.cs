using System.Buffers.Text;
using System.Text.Json;

namespace EPoomasi.Cli;

/// <summary>
/// What a token says about its holder, read without checking its signature: only to fill in a default (a
/// coordinator's district). The gateway checks the token on every call, and refuses what it does not allow.
/// </summary>
internal static class TokenClaims
{
    public static string? District(string token) => Read(token, "district") is { ValueKind: JsonValueKind.String } district ? district.GetString() : null;

    /// <summary>The accounts a member's token names (one claim, or several as an array).</summary>
    public static IReadOnlyList<string> Accounts(string token) => Read(token, "account") switch
    {
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList(),
        _ => [],
    };

    private static JsonElement? Read(string token, string claim)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1])) return null;
        try
        {
            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return claims.RootElement.ValueKind == JsonValueKind.Object && claims.RootElement.TryGetProperty(claim, out var value) ? value.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
