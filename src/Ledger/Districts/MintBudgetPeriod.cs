using System.Globalization;

namespace EPoomasi.Ledger.Districts;

/// <summary>How long a district's mint budget lasts before it starts again.</summary>
public enum MintBudgetPeriod
{
    /// <summary>One budget for the district's whole life (the budget caps everything it ever issued).</summary>
    Lifetime = 1,

    /// <summary>A budget per calendar month, in Seoul time.</summary>
    Month = 2,

    /// <summary>A budget per calendar year, in Seoul time.</summary>
    Year = 3,
}

/// <summary>Which budget period an instant falls in, by Seoul's calendar.</summary>
public static class MintBudgetPeriods
{
    // Korea keeps no daylight saving time: should the time zone database be missing, +09:00 is always right.
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Seoul", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Seoul", TimeSpan.FromHours(9), "Asia/Seoul", "KST");

    /// <summary>The period's name, <c>2026-12</c> for a month or <c>2026</c> for a year; null for <see cref="MintBudgetPeriod.Lifetime"/>.</summary>
    public static string? Of(MintBudgetPeriod period, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Seoul);
        return period switch
        {
            MintBudgetPeriod.Month => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            MintBudgetPeriod.Year => local.ToString("yyyy", CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
