using System.Globalization;
using System.Text.RegularExpressions;

namespace EPoomasi.Cli;

/// <summary>Minutes as people write and read them: <c>90</c>, <c>1h30m</c>, <c>2h</c> in; <c>1h 30m</c> out.</summary>
internal static partial class Hours
{
    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static long Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || text.Trim().Length == 0)
        {
            throw new UsageException($"'{text}' is not an amount: write minutes (90) or hours and minutes (1h30m).");
        }

        var hours = match.Groups["h"].Success ? long.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["m"].Success ? long.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        return checked(hours * 60 + minutes);
    }

    public static string Format(long minutes)
    {
        var sign = minutes < 0 ? "-" : "";
        var magnitude = Math.Abs(minutes);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / 60}h {magnitude % 60:00}m");
    }
}
