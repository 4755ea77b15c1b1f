using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EPoomasi.Gateway.Mapping;

/// <summary>
/// The opaque page token of a statement (AIP-158): which account, and the position the next page starts after.
/// Not a secret: the position only says where to continue in a statement the caller may read anyway. It names
/// its account so that a token is not taken for another account's statement by mistake.
/// </summary>
public static class StatementPageToken
{
    private const string Version = "s1";

    public static string Encode(Guid accountId, long afterPosition) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{Version}.{accountId:N}.{afterPosition}")));

    /// <summary>The position a token of this account's statement continues after; null for anything else.</summary>
    public static long? Decode(string token, Guid accountId)
    {
        if (token.Length > 100 || !Base64Url.IsValid(token)) return null;
        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token)).Split('.');
        return parts.Length == 3 && parts[0] == Version
            && Guid.TryParseExact(parts[1], "N", out var account) && account == accountId
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : null;
    }
}
