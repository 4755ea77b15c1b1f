namespace EPoomasi.Gateway.Mapping;

/// <summary>The page token of a district's member accounts in its trial balance: the id the next page starts after.</summary>
public static class MemberPageToken
{
    private const string Version = "m1";

    public static string Encode(string districtId, Guid afterId) => PageToken.Encode(Version, districtId, afterId.ToString("N"));

    /// <summary>The id a token of this district's member accounts continues after; null for anything else.</summary>
    public static Guid? Decode(string token, string districtId) =>
        Guid.TryParseExact(PageToken.Decode(token, Version, districtId), "N", out var id) ? id : null;
}
