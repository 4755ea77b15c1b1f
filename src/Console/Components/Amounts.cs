namespace EPoomasi.WebConsole.Components;

/// <summary>An amount typed as hours and minutes in a form, checked before any arithmetic: the numbers are whatever the browser sent.</summary>
public static class Amounts
{
    /// <summary>The minutes meant, or null unless hours are 0 to 1,000, minutes 0 to 59, and the whole above zero.</summary>
    public static long? Minutes(long hours, long minutes) =>
        hours is >= 0 and <= 1_000 && minutes is >= 0 and <= 59 && hours * 60 + minutes > 0 ? hours * 60 + minutes : null;

    /// <summary>
    /// For an amount a person may leave out: true with the minutes meant (0 when both are 0) when hours are 0 to 1,000
    /// and minutes 0 to 59.
    /// </summary>
    public static bool TryOptional(long hours, long minutes, out long total)
    {
        total = hours is >= 0 and <= 1_000 && minutes is >= 0 and <= 59 ? hours * 60 + minutes : -1;
        return total >= 0;
    }
}
