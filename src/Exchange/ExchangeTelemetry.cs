using System.Diagnostics.Metrics;

namespace EPoomasi.Exchange;

/// <summary>What the exchange tells an operator through .NET's <see cref="Meter"/>: a host exports it (the gateway with OpenTelemetry).</summary>
internal static class ExchangeTelemetry
{
    /// <summary>The meter's name, for a host to listen to (<see cref="ExchangeModule.TelemetrySource"/>).</summary>
    public const string Name = "EPoomasi.Exchange";

    private static readonly Meter Meter = new(Name);

    /// <summary>
    /// Steps the scheduler took because their time came: deals and loans expired, claims confirmed automatically,
    /// loans found overdue, late sessions cancelled; by kind (<c>exchange.deal</c>, …) and outcome (<c>Expired</c>, …).
    /// </summary>
    public static readonly Counter<long> ScheduledSteps = Meter.CreateCounter<long>(
        "epoomasi.exchange.scheduled_steps", "{step}", "Steps the scheduler took on deals, loans and sessions whose time came, by kind and outcome");

    internal static void Scheduled(string kind, string outcome) =>
        ScheduledSteps.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
