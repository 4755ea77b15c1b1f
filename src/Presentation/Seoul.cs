using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace EPoomasi.Presentation;

/// <summary>Times as a person in Seoul reads and writes them; the ledger keeps UTC.</summary>
public static class Seoul
{
    // Korea keeps no daylight saving time: should the time zone database be missing, +09:00 is always right.
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Seoul", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Seoul", TimeSpan.FromHours(9), "Asia/Seoul", "KST");

    public static string Format(Timestamp? at) =>
        at is null ? "" : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The instant to the minute, as a page shows it: 2026-12-07 09:30.</summary>
    public static string ToMinute(Timestamp? at) =>
        at is null ? "" : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// An instant from <c>2026-12-07 09:00</c> (Seoul time), a date alone (its midnight in Seoul), or ISO 8601
    /// with an offset; null with <paramref name="error"/> otherwise.
    /// </summary>
    public static DateTimeOffset? TryParse(string text, out string error)
    {
        error = $"'{text}'은(는) 시각이 아닙니다 / is not an instant: write 2026-12-07 09:00 (Seoul time) or 2026-12-07T00:00:00Z.";
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
        {
            return withOffset;
        }

        string[] local = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
        }

        return null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
