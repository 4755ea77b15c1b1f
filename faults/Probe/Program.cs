using System.Globalization;
using EPoomasi.Contracts.Identity.V1;
using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

// Usage: epoomasi-probe GATEWAY_URL SECONDS
// Four callers read the districts (a database read through the circuit) with a 2 s deadline, one after another,
// and a fifth asks the health service every 100 ms. Each line on standard output is one answer:
//   call,<started unix ms>,<ended unix ms>,<status>     health,<asked unix ms>,<answered unix ms>,<Serving|NotServing|status>
// faults/outage.sh reads the lines against the moments it stopped and started PostgreSQL.
var gateway = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5080");
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
using var channel = GrpcChannel.ForAddress(gateway);
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var token = (await new DevelopmentTokenService.DevelopmentTokenServiceClient(channel).IssueDevelopmentTokenAsync(
    new IssueDevelopmentTokenRequest { Role = Role.Auditor, Subject = "auditor:probe", LifetimeSeconds = 86_400 })).Token;
var headers = new Metadata { { "authorization", $"Bearer {token}" } };
var ledger = new LedgerService.LedgerServiceClient(channel);
var health = new Health.HealthClient(channel);
var output = TextWriter.Synchronized(Console.Out);
static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

async Task CallerAsync()
{
    while (!stop.IsCancellationRequested)
    {
        var started = Now();
        string status;
        try
        {
            await ledger.ListDistrictsAsync(new ListDistrictsRequest(), headers, DateTime.UtcNow.AddSeconds(2));
            status = "OK";
        }
        catch (RpcException failure)
        {
            status = failure.StatusCode.ToString();
        }

        output.WriteLine($"call,{started},{Now()},{status}");
        await Task.Delay(20);
    }
}

async Task HealthAsync()
{
    while (!stop.IsCancellationRequested)
    {
        var asked = Now();
        string status;
        try
        {
            status = (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2))).Status.ToString();
        }
        catch (RpcException failure)
        {
            status = failure.StatusCode.ToString();
        }

        output.WriteLine($"health,{asked},{Now()},{status}");
        await Task.Delay(100);
    }
}

await Task.WhenAll([.. Enumerable.Range(0, 4).Select(_ => CallerAsync()), HealthAsync()]);
