using EPoomasi.Bench;
using Grpc.Net.Client;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

using var channel = GrpcChannel.ForAddress(options.Gateway, new GrpcChannelOptions
{
    // Many calls in flight on one HTTP/2 connection queue behind its stream limit; let it open more.
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    MaxReceiveMessageSize = 64 * 1024 * 1024,
});
Console.Error.WriteLine($"Setting up {options.Accounts:N0} accounts in two districts through {options.Gateway} ...");
var world = await BenchWorld.CreateAsync(channel, options.Accounts, cancel.Token);
if (options.Scenarios.Intersect(Scenarios.SearchNames).Any())
{
    Console.Error.WriteLine($"Listing {options.Listings:N0} offers and requests for the searches ...");
    var listed = System.Diagnostics.Stopwatch.StartNew();
    await world.ListAsync(options.Listings, cancel.Token);
    Console.Error.WriteLine($"Listed in {listed.Elapsed.TotalSeconds:0} s ({options.Listings / Math.Max(listed.Elapsed.TotalSeconds, 0.001):N0} listings/s)");
}

var results = new List<ScenarioResult>();
foreach (var scenario in options.Scenarios)
{
    Console.Error.WriteLine($"Running {scenario}: {options.WarmupSeconds} s warm-up, {options.Seconds} s measured");
    results.Add(await LoadRunner.RunAsync(scenario, world, options, Console.Error, cancel.Token));
}

await Report.WriteAsync(options.OutDirectory, results, cancel.Token);
Console.Write(Report.Markdown(results));
return results.Any(r => r.Errors > 0 || r.TransfersOk == 0) ? 1 : 0;
