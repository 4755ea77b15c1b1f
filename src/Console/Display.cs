using System.Globalization;
using EPoomasi.Presentation;
using Google.Protobuf.WellKnownTypes;

namespace EPoomasi.WebConsole;

/// <summary>Minutes as hours and minutes, and instants in Seoul's time, in the reader's language.</summary>
public static class Display
{
    private static bool Korean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";

    /// <summary>"2시간 30분" or "2 h 30 min"; a negative amount keeps its sign.</summary>
    public static string Hours(long minutes)
    {
        var sign = minutes < 0 ? "−" : "";
        var magnitude = Math.Abs((decimal)minutes);
        var (h, m) = (decimal.Truncate(magnitude / 60), magnitude % 60);
        return Korean
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{(h > 0 ? $"{h}시간 " : "")}{m}분").Replace(" 0분", "", StringComparison.Ordinal)
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{(h > 0 ? $"{h} h " : "")}{m} min").Replace(" 0 min", "", StringComparison.Ordinal);
    }

    /// <summary>The instant in Seoul's time, e.g. 2026-12-07 09:30.</summary>
    public static string When(Timestamp? at) => Seoul.ToMinute(at);
}
