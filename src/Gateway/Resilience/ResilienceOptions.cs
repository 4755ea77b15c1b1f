namespace EPoomasi.Gateway.Resilience;

/// <summary>The <c>Resilience</c> configuration section: when to stop calling a failing database.</summary>
public sealed class ResilienceOptions
{
    /// <summary>Share of failed calls, within the sampling window, that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls the window must hold before the ratio counts.</summary>
    public int MinimumThroughput { get; set; } = 5;

    /// <summary>The sampling window, in seconds.</summary>
    public int SamplingSeconds { get; set; } = 10;

    /// <summary>How long the circuit stays open before letting a trial call through, in seconds.</summary>
    public int BreakSeconds { get; set; } = 2;

    /// <summary>
    /// How long, in seconds, calls are answered UNAVAILABLE at once after one found the database unreachable,
    /// before the next call tries it again. Also the RetryInfo delay such answers carry.
    /// </summary>
    public int DownSeconds { get; set; } = 1;

    /// <summary>Longest any call may take inside the gateway, in seconds, however far away the caller's deadline.</summary>
    public int MaxCallSeconds { get; set; } = 60;
}
