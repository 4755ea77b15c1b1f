namespace EPoomasi.Bench;

/// <summary>
/// What one scenario measured, after warm-up; <see cref="MeasuredFrom"/> and <see cref="MeasuredUntil"/> are
/// Unix seconds, so that samples taken beside the run (the journal's sealing lag) can be cut to the same window.
/// <see cref="Slowest"/> are the slowest requests with the Unix second each was sent at, to line a pause up with the
/// gateway's and PostgreSQL's logs.
/// </summary>
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
    double MaxMilliseconds,
    double MeasuredFrom,
    double MeasuredUntil,
    IReadOnlyList<SlowRequest> Slowest);

/// <summary>One request's latency and the Unix second it was sent at.</summary>
internal sealed record SlowRequest(double SentAt, double Milliseconds);
