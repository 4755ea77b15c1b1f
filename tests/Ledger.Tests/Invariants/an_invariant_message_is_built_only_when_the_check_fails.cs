namespace EPoomasi.Ledger.Tests.Invariants;

/// <summary>
/// Invariant checks run on every event of every transfer; their messages must cost nothing while the
/// checks pass, and still say what broke when one fails.
/// </summary>
public sealed class an_invariant_message_is_built_only_when_the_check_fails
{
    [Fact]
    public void a_passing_check_formats_nothing_and_a_failing_one_says_what_broke()
    {
        var formatted = 0;
        string Hole() => (++formatted).ToString(System.Globalization.CultureInfo.InvariantCulture);

        LedgerInvariantException.Unless(true, $"never built {Hole()}");
        Assert.Equal(0, formatted);

        var error = Assert.Throws<LedgerInvariantException>(() => LedgerInvariantException.Unless(false, $"balance {Hole()} broke"));
        Assert.Equal("balance 1 broke", error.Message);
    }
}
