using System.Globalization;

namespace EPoomasi.Gateway.Mapping;

/// <summary>The page token of an account's statement: the position the next page starts after.</summary>
public static class StatementPageToken
{
    private const string Version = "s2";

    public static string Encode(Guid accountId, long afterPosition) =>
        PageToken.Encode(Version, accountId.ToString("N"), afterPosition.ToString(CultureInfo.InvariantCulture));

    /// <summary>The position a token of this account's statement continues after; null for anything else.</summary>
    public static long? Decode(string token, Guid accountId) =>
        long.TryParse(PageToken.Decode(token, Version, accountId.ToString("N")), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : null;
}
