namespace EPoomasi.Bench;

/// <summary>What one scenario measured, after warm-up.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    int Concurrency,
    double Seconds,
    long Requests,
    long TransfersOk,
    long TransfersRejected,
    long Errors,
    double TransfersPerSecond,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds);
