using System.Globalization;
using System.Text.RegularExpressions;

namespace EPoomasi.Presentation;

/// <summary>
/// Minutes as people write and read them. Read: <c>90</c>, <c>90m</c>, <c>2h</c>, <c>1h30m</c>, and the
/// form it prints, <c>1h 30m</c>, each with an optional minus sign (a floor). Printed: <c>1h 30m</c>.
/// </summary>
public static partial class Hours
{
    [GeneratedRegex(@"^(?<sign>-)?\s*(?:(?<h>\d+)\s*h)?\s*(?:(?<m>\d+)\s*m?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The minutes <paramref name="text"/> says, or null with <paramref name="error"/> in plain words.</summary>
    public static long? TryParse(string text, out string error)
    {
        error = $"'{Shorten(text)}'은(는) 시간이 아닙니다 / is not an amount: write minutes (90) or hours and minutes (1h 30m).";
        var match = Pattern().Match(text.Trim());
        if (!match.Success || (!match.Groups["h"].Success && !match.Groups["m"].Success)) return null;
        try
        {
            var hours = match.Groups["h"].Success ? long.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            var minutes = match.Groups["m"].Success ? long.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var total = checked(hours * 60 + minutes);
            return match.Groups["sign"].Success ? -total : total;
        }
        catch (OverflowException)
        {
            error = $"'{Shorten(text)}'은(는) 너무 큽니다 / is too large an amount.";
            return null;
        }
    }

    public static string Format(long minutes)
    {
        var sign = minutes < 0 ? "-" : "";
        var magnitude = Math.Abs((decimal)minutes);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{decimal.Truncate(magnitude / 60)}h {magnitude % 60:00}m");
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
