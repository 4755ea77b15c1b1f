using System.Globalization;

namespace EPoomasi.Ledger;

/// <summary>
/// A whole number of minutes of time-bank credit. Sixty minutes are one credit: one hour of service.
/// </summary>
/// <remarks>
/// Range: any <see cref="long"/>; a single transfer is further bounded by
/// <see cref="LedgerLimits.MaxTransferMinutes"/>. Granularity: one minute, nothing finer exists.
/// <c>default</c> is zero minutes. Arithmetic is checked and throws <see cref="OverflowException"/>
/// rather than wrapping, so a minute can never be lost to overflow.
/// </remarks>
public readonly record struct Minutes(long Value) : IComparable<Minutes>
{
    /// <summary>Minutes in one credit (one hour of service).</summary>
    public const long PerHour = 60;

    /// <summary>No minutes.</summary>
    public static Minutes Zero => default;

    /// <summary>Whole hours as minutes; throws <see cref="OverflowException"/> past the range.</summary>
    public static Minutes FromHours(long hours) => new(checked(hours * PerHour));

    public static Minutes operator +(Minutes left, Minutes right) => new(checked(left.Value + right.Value));
    public static Minutes operator -(Minutes left, Minutes right) => new(checked(left.Value - right.Value));
    public static Minutes operator -(Minutes value) => new(checked(-value.Value));
    public static bool operator <(Minutes left, Minutes right) => left.Value < right.Value;
    public static bool operator >(Minutes left, Minutes right) => left.Value > right.Value;
    public static bool operator <=(Minutes left, Minutes right) => left.Value <= right.Value;
    public static bool operator >=(Minutes left, Minutes right) => left.Value >= right.Value;

    /// <summary>Named twin of <c>+</c>.</summary>
    public static Minutes Add(Minutes left, Minutes right) => left + right;

    /// <summary>Named twin of binary <c>-</c>.</summary>
    public static Minutes Subtract(Minutes left, Minutes right) => left - right;

    /// <summary>Named twin of unary <c>-</c>.</summary>
    public static Minutes Negate(Minutes value) => -value;

    /// <summary>True when strictly above zero.</summary>
    public bool IsPositive => Value > 0;

    public int CompareTo(Minutes other) => Value.CompareTo(other.Value);

    /// <summary>Hours and minutes as people read them: <c>2h 05m</c>, <c>-0h 30m</c>.</summary>
    public override string ToString()
    {
        var sign = Value < 0 ? "-" : "";
        // Unsigned magnitude so that long.MinValue formats instead of overflowing on negation.
        var magnitude = Value < 0 ? unchecked((ulong)-(Value + 1)) + 1 : (ulong)Value;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / PerHour}h {magnitude % PerHour:00}m");
    }
}
