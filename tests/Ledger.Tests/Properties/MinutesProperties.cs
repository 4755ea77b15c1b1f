using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EPoomasi.Ledger.Tests.Properties;

public sealed class MinutesProperties
{
    private static readonly long Bound = long.MaxValue / 4;

    private static Minutes M(long value) => new(value % Bound);

    [Property]
    public bool Addition_is_commutative(long a, long b) => M(a) + M(b) == M(b) + M(a);

    [Property]
    public bool Addition_is_associative(long a, long b, long c) => M(a) + M(b) + M(c) == M(a) + (M(b) + M(c));

    [Property]
    public bool Subtracting_is_adding_the_negation(long a, long b) => M(a) - M(b) == Minutes.Add(M(a), Minutes.Negate(M(b)));

    [Property]
    public bool An_amount_and_its_negation_sum_to_zero(long a) => M(a) + -M(a) == Minutes.Zero;

    [Property]
    public bool Named_twins_agree_with_operators(long a, long b) =>
        Minutes.Add(M(a), M(b)) == M(a) + M(b) && Minutes.Subtract(M(a), M(b)) == M(a) - M(b);

    [Property]
    public bool Comparison_follows_the_value(long a, long b) =>
        (M(a) < M(b)) == (M(a).Value < M(b).Value) && M(a).CompareTo(M(b)) == M(a).Value.CompareTo(M(b).Value);

    [Property]
    public bool Hours_are_sixty_minutes(int hours) => Minutes.FromHours(hours).Value == hours * 60L;

    [Property]
    public bool Text_shows_hours_and_minutes_that_add_back_up(long a)
    {
        var text = M(a).ToString();
        var negative = text.StartsWith('-');
        var parts = text.TrimStart('-').Split(' ');
        var hours = long.Parse(parts[0].TrimEnd('h'), System.Globalization.CultureInfo.InvariantCulture);
        var minutes = long.Parse(parts[1].TrimEnd('m'), System.Globalization.CultureInfo.InvariantCulture);
        return minutes is >= 0 and < 60 && parts[1].Length == 3 && (negative ? -1 : 1) * (hours * 60 + minutes) == M(a).Value;
    }

    [Property]
    public Property Overflow_throws_instead_of_wrapping(PositiveInt extra) => Prop.ToProperty(
        Throws(() => new Minutes(long.MaxValue) + new Minutes(extra.Get))
        && Throws(() => new Minutes(long.MinValue) - new Minutes(extra.Get))
        && Throws(() => -new Minutes(long.MinValue)));

    [Fact]
    public void Default_is_zero_and_text_reads_as_people_read_time()
    {
        Assert.Equal(Minutes.Zero, default);
        Assert.Equal("2h 05m", new Minutes(125).ToString());
        Assert.Equal("-0h 30m", new Minutes(-30).ToString());
        Assert.Equal("-153722867280912930h 08m", new Minutes(long.MinValue).ToString());
    }

    private static bool Throws(Func<Minutes> operation)
    {
        try
        {
            operation();
            return false;
        }
        catch (OverflowException)
        {
            return true;
        }
    }
}
