using System.Buffers.Text;
using System.Text.Json;

namespace EPoomasi.Presentation;

/// <summary>
/// What a token says about its holder, read without checking its signature: only to choose what to show. The
/// gateway checks the token on every call the console makes with it, and refuses what it does not allow.
/// </summary>
public sealed record TokenClaims(string Subject, string Role, string? District, IReadOnlyList<string> Accounts)
{
    public bool IsMember => Role == "member";

    public bool IsCoordinator => Role == "coordinator";

    public bool IsAuditor => Role == "auditor";

    public static TokenClaims? Read(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || !Base64Url.IsValid(parts[1])) return null;
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var claims = document.RootElement;
            if (claims.ValueKind != JsonValueKind.Object) return null;
            string? Text(string name) => claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            IReadOnlyList<string> accounts = claims.TryGetProperty("account", out var account) ? account.ValueKind switch
            {
                JsonValueKind.String => [account.GetString()!],
                JsonValueKind.Array => [.. account.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)],
                _ => [],
            } : [];
            // The cookie is whatever the browser sends: a claim the pages rely on that is missing or empty means nobody.
            return Text("sub") is { Length: > 0 } subject && Text("role") is { Length: > 0 } role ? new TokenClaims(subject, role, Text("district"), accounts) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
