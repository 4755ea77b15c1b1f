using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EPoomasi.Gateway.Resilience;
using Grpc.Core;

namespace EPoomasi.Gateway.Telemetry;

/// <summary>What the gateway itself tells an operator, beside the ledger's and the exchange's meters. Names under <c>epoomasi.</c>.</summary>
public static class GatewayTelemetry
{
    /// <summary>The meter's name, for an exporter to listen to.</summary>
    public const string Name = "EPoomasi.Gateway";

    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<DatabaseCircuit, byte> Circuits = new();
    private static long _lastSealed = Stopwatch.GetTimestamp();

    /// <summary>Calls answered, by service, method and gRPC status (JSON and gRPC-Web calls included).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("epoomasi.rpc.server.requests", "{request}", "Calls answered, by method and status");

    static GatewayTelemetry()
    {
        // 0 closed, 1 half-open (trying the database again), 2 open (calls answered UNAVAILABLE without trying).
        Meter.CreateObservableGauge("epoomasi.gateway.circuit.state", () => Circuits.Keys.Select(c => Level(c.State)).DefaultIfEmpty(0).Max(), "{state}",
            "The database circuit: 0 closed, 1 half-open, 2 open");
        Meter.CreateObservableGauge("epoomasi.ledger.journal.sealing_lag", () => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastSealed)).TotalSeconds, "s",
            "Seconds since this gateway last sealed the journal up to its safe horizon; it grows while sealing fails");
    }

    private static int Level(Polly.CircuitBreaker.CircuitState state) => state switch
    {
        Polly.CircuitBreaker.CircuitState.Closed => 0,
        Polly.CircuitBreaker.CircuitState.HalfOpen => 1,
        _ => 2,
    };

    internal static void Track(DatabaseCircuit circuit) => Circuits.TryAdd(circuit, 0);

    internal static void Sealed() => Interlocked.Exchange(ref _lastSealed, Stopwatch.GetTimestamp());

    internal static void Answered(string method, StatusCode status)
    {
        if (!Requests.Enabled) return;
        // "/epoomasi.ledger.v1.LedgerService/CreateTransfers": the service and the method, as OpenTelemetry names them.
        var slash = method.LastIndexOf('/');
        Requests.Add(1,
            new KeyValuePair<string, object?>("rpc.system", "grpc"),
            new KeyValuePair<string, object?>("rpc.service", slash > 0 ? method[1..slash] : method),
            new KeyValuePair<string, object?>("rpc.method", slash > 0 ? method[(slash + 1)..] : method),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", (int)status));
    }
}
