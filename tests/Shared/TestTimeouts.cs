namespace EPoomasi.Tests;

/// <summary>
/// How long a test may run before it fails by name instead of hanging the run. Generous, because CI's
/// machine has two cores and may be loaded: a test that normally takes a second can take twenty.
/// </summary>
public static class TestTimeouts
{
    /// <summary>Most tests: one gateway or ledger, a handful of calls.</summary>
    public const int Default = 120_000;

    /// <summary>Tests that run long scenarios or many processes (the model, the benchmark harness, fuzzing).</summary>
    public const int Lengthy = 360_000;
}
