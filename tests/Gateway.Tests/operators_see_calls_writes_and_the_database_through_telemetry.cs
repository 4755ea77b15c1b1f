using System.Diagnostics;
using EPoomasi.Contracts.Exchange.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using StatusCode = Grpc.Core.StatusCode;
using Microsoft.Extensions.DependencyInjection;

using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static EPoomasi.Gateway.Tests.Trade;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// OpenTelemetry as an operator sees it, through in-memory exporters on a second gateway: one trace runs from the gRPC
/// call through the ledger's wait into the write transaction (linked) and its Npgsql statements; the instruments count
/// calls by method and status, transfers by result, group commits, hold expiries and the scheduler's steps, and report
/// the write queue, the sealing lag and the circuit; a log line written inside a call carries its trace; Prometheus
/// scrapes the same metrics at /metrics on the HTTP port. The meters are process-wide, so other tests' gateways add
/// to the counts: each check looks for what this test did.
/// </summary>
public sealed class operators_see_calls_writes_and_the_database_through_telemetry(GatewayFixture gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Default)]
    public async Task a_call_is_one_trace_into_the_database_and_every_instrument_reports()
    {
        var (metrics, spans, logs) = (new Exported<MetricSnapshot>(), new Exported<Activity>(), new Exported<LogRecord>());
        var (app, channel, http) = await gateway.StartConfiguredAsync(builder =>
            {
                builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
                builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                builder.Services.ConfigureOpenTelemetryLoggerProvider(l => l.AddInMemoryExporter(logs));
            },
            "--Ledger:HoldExpiryIntervalSeconds=1", "--Ledger:Exchange:AnswerWithin=00:00:02", "--Ledger:DealSchedulerIntervalSeconds=1",
            "--Limits:MemberRequestsPerSecond=100000", "--Limits:OfficialRequestsPerSecond=100000", "--Logging:OpenTelemetry:LogLevel:Default=Warning");
        await using var _ = app;
        using var __ = channel;
        var district = await Seed.DistrictAsync(gateway);
        var (payer, payee) = (await Seed.MemberAsync(gateway, district, welcomeMinutes: 300), await Seed.MemberAsync(gateway, district));
        var asPayer = GatewayFixture.Member(district, payer);
        var ledger = new LedgerService.LedgerServiceClient(GatewayFixture.As(channel, asPayer));

        var traced = ActivityTraceId.CreateRandom();
        var paid = await ledger.CreateTransfersAsync(Transfers(payer, payee, 30, holdSeconds: 0), Traced(traced), cancellationToken: Ct);
        var refused = await ledger.CreateTransfersAsync(Transfers(payer, payee, 5_000, holdSeconds: 0), cancellationToken: Ct);
        var held = await ledger.CreateTransfersAsync(Transfers(payer, payee, 10, holdSeconds: 1), cancellationToken: Ct);
        var deniedTrace = ActivityTraceId.CreateRandom();
        var denied = await Assert.ThrowsAsync<RpcException>(() => ledger.GetAccountAsync(new GetAccountRequest { AccountId = payee }, Traced(deniedTrace), cancellationToken: Ct).ResponseAsync);
        var exchange = new ExchangeService.ExchangeServiceClient(GatewayFixture.As(channel, GatewayFixture.Member(district, payee)));
        var listing = await ListAsync(new ExchangeService.ExchangeServiceClient(GatewayFixture.As(channel, asPayer)), payer, "화분 분갈이", minutes: 30);
        var unanswered = (await ProposeAsync(exchange, listing, payee)).DealId;
        var scrape = await new HttpClient().GetStringAsync(new Uri(http, "/metrics"), Ct);

        Assert.Equal((TransferResult.Ok, TransferResult.DebitBelowFloor, TransferResult.Ok),
            (paid.Outcomes[0].Result, refused.Outcomes[0].Result, held.Outcomes[0].Result));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        // One trace: the call, the ledger's wait inside it; the transaction linked to that wait, and its statements.
        // A transaction's span ends just after its callers are answered, so the spans are waited for.
        var provider = app.Services.GetRequiredService<TracerProvider>();
        await EventuallyAsync("the write transaction's spans", () =>
        {
            provider.ForceFlush();
            var all = spans.Snapshot();
            var server = all.SingleOrDefault(s => s.TraceId == traced && s.Kind == ActivityKind.Server);
            var submit = all.SingleOrDefault(s => s.TraceId == traced && s.OperationName == "ledger.submit");
            var transaction = submit is null ? null : all.SingleOrDefault(s => s.OperationName == "ledger.write_transaction" && s.Links.Any(l => l.Context.SpanId == submit.SpanId));
            return server is not null && submit?.ParentSpanId == server.SpanId && transaction is not null
                && all.Any(s => s.Source.Name == "Npgsql" && s.TraceId == transaction.TraceId && s.ParentSpanId == transaction.SpanId);
        });

        // A log line inside the denied call carries its trace.
        await EventuallyAsync("a log line in the denied call's trace", () =>
        {
            app.Services.GetRequiredService<LoggerProvider>().ForceFlush();
            return logs.Snapshot().Any(l => l.TraceId == deniedTrace);
        });

        // The instruments, once the hold has expired and the unanswered proposal with it. The meters are the process's:
        // other tests' gateways expire deals too, so this test waits for its own deal before reading them.
        var meters = app.Services.GetRequiredService<MeterProvider>();
        var expiredBy = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await exchange.GetDealAsync(new GetDealRequest { AccountId = payee, DealId = unanswered }, cancellationToken: Ct)).Deal.Status != DealStatus.Expired)
        {
            Assert.True(DateTimeOffset.UtcNow < expiredBy, "The unanswered proposal did not expire within 30 s.");
            await Task.Delay(250, Ct);
        }

        await EventuallyAsync("the hold's and the proposal's expiry", () =>
        {
            metrics.Clear();
            meters.ForceFlush();
            return Sum(metrics, "epoomasi.ledger.holds.expired") >= 1 && Sum(metrics, "epoomasi.exchange.scheduled_steps", ("kind", "exchange.deal"), ("outcome", "Expired")) >= 1;
        });
        Assert.True(Sum(metrics, "epoomasi.rpc.server.requests", ("rpc.method", "CreateTransfers"), ("rpc.grpc.status_code", 0)) >= 3);
        Assert.True(Sum(metrics, "epoomasi.rpc.server.requests", ("rpc.method", "GetAccount"), ("rpc.grpc.status_code", (int)StatusCode.PermissionDenied)) >= 1);
        Assert.True(Sum(metrics, "epoomasi.ledger.transfers", ("result", "Ok")) >= 2);
        Assert.True(Sum(metrics, "epoomasi.ledger.transfers", ("result", "DebitBelowFloor")) >= 1);
        Assert.True(Count(metrics, "epoomasi.ledger.group_commit.size") >= 3);
        Assert.True(Count(metrics, "epoomasi.ledger.group_commit.wait") >= 3);
        Assert.Contains(metrics, m => m.Name == "epoomasi.ledger.write_queue.depth");
        Assert.InRange(Gauge(metrics, "epoomasi.ledger.journal.sealing_lag"), 0, 10);
        Assert.Equal(0, Gauge(metrics, "epoomasi.gateway.circuit.state"));
        Assert.Equal(DealStatus.Expired, (await exchange.GetDealAsync(new GetDealRequest { AccountId = payee, DealId = unanswered }, cancellationToken: Ct)).Deal.Status);
        Assert.Contains("epoomasi_rpc_server_requests_total", scrape, StringComparison.Ordinal);
        Assert.Contains("epoomasi_ledger_transfers_total", scrape, StringComparison.Ordinal);
    }

    private static CreateTransfersRequest Transfers(string from, string to, long minutes, int holdSeconds) => new()
    {
        Transfers =
        {
            new TransferToCreate
            {
                TransferId = Guid.NewGuid().ToString(), DebitAccountId = from, CreditAccountId = to, AmountMinutes = minutes, Code = TransferCode.Service,
                HoldTimeoutSeconds = holdSeconds,
            },
        },
    };

    // W3C trace context, as a caller's own tracing would send it: the gateway's spans continue the caller's trace.
    private static Metadata Traced(ActivityTraceId trace) => new() { { "traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01" } };

    // What the in-memory exporters write, from their own threads while the test reads: every access under one lock.
    private sealed class Exported<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count { get { lock (_items) return _items.Count; } }

        public bool IsReadOnly => false;

        public List<T> Snapshot() { lock (_items) return [.. _items]; }

        public void Add(T item) { lock (_items) _items.Add(item); }

        public void Clear() { lock (_items) _items.Clear(); }

        public bool Contains(T item) { lock (_items) return _items.Contains(item); }

        public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }

        public bool Remove(T item) { lock (_items) return _items.Remove(item); }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static async Task EventuallyAsync(string what, Func<bool> condition)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"Not seen within 30 s: {what}.");
            await Task.Delay(250, Ct);
        }
    }

    private static IEnumerable<MetricPoint> Points(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Where(p => tags.All(t => HasTag(p, t.Key, t.Value)));

    private static bool HasTag(MetricPoint point, string key, object value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))) return true;
        }

        return false;
    }

    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) => Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long Count(IEnumerable<MetricSnapshot> metrics, string name) => Points(metrics, name).Sum(p => p.GetHistogramCount());

    private static double Gauge(IEnumerable<MetricSnapshot> metrics, string name)
    {
        var point = Points(metrics, name).First();
        return metrics.First(m => m.Name == name).MetricType == MetricType.DoubleGauge ? point.GetGaugeLastValueDouble() : point.GetGaugeLastValueLong();
    }
}
