using System.Text.RegularExpressions;

namespace EPoomasi.Ledger.Administration;

/// <summary>Shape rules shared by the administration commands.</summary>
internal static partial class AdminRules
{
    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex DistrictIdPattern();

    public static bool IsDistrictId(string? districtId) => districtId is not null && DistrictIdPattern().IsMatch(districtId);

    // Compared against the negated maximum: negating the floor overflows on long.MinValue, which any caller may send.
    public static bool AreLimits(Minutes floor, Minutes cap) =>
        floor <= Minutes.Zero && cap >= Minutes.Zero && floor >= -LedgerLimits.MaxLimitMinutes && cap <= LedgerLimits.MaxLimitMinutes;

    public static bool IsBound(Minutes amount) => amount >= Minutes.Zero && amount <= LedgerLimits.MaxLimitMinutes;

    public static AdminResult CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? AdminResult.ReasonRequired
        : reason.Length > LedgerLimits.ReasonMaxLength ? AdminResult.ReasonTooLong
        : AdminResult.Ok;
}
