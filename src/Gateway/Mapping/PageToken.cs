using System.Buffers.Text;
using System.Text;

namespace EPoomasi.Gateway.Mapping;

/// <summary>
/// An opaque page token (AIP-158): a version, the list it belongs to, and where the next page starts. Not a
/// secret: it only says where to continue in a list the caller may read anyway. It names its list so that a
/// token is not taken for another list's by mistake.
/// </summary>
public static class PageToken
{
    private const int MaxLength = 400;

    public static string Encode(string version, string list, string position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{version}\n{list}\n{position}"));

    /// <summary>The position of a token of this version and list; null for anything else.</summary>
    public static string? Decode(string token, string version, string list)
    {
        if (token.Length > MaxLength || !Base64Url.IsValid(token)) return null;
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
        return parts.Length == 3 && parts[0] == version && parts[1] == list ? parts[2] : null;
    }
}
