using System.CommandLine;
using EPoomasi.Chaos;

var gatewaysOption = new Option<string>("--gateways") { Description = "The gateways' gRPC addresses, comma-separated.", Required = true };
var seconds = new Option<int>("--seconds") { Description = "How long the load runs.", DefaultValueFactory = _ => 60 };
var workers = new Option<int>("--workers") { Description = "Clients sending at once.", DefaultValueFactory = _ => 24 };
var members = new Option<int>("--members") { Description = "Members in each of the run's three districts.", DefaultValueFactory = _ => 16 };
var faultsLog = new Option<FileInfo?>("--faults-log") { Description = "The file the fault script writes a line to for every fault it injects." };
var ready = new Option<FileInfo?>("--ready-file") { Description = "Written when the run's districts exist and the load starts." };
var faultsDone = new Option<FileInfo?>("--faults-done-file") { Description = "The fault script writes it after its last fault; the verifier waits for it (three minutes at most)." };
var root = new RootCommand("Sends load that retries under the same ids while the fault script breaks things, then verifies what the clients were told against the database.")
{
    gatewaysOption, seconds, workers, members, faultsLog, ready, faultsDone,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var addresses = parse.GetValue(gatewaysOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => new Uri(a)).ToList();
    var counters = new Counters();
    using var gateways = new Gateways(addresses, counters);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var world = await ChaosWorld.BuildAsync(gateways, $"ch{Environment.TickCount % 100_000}", parse.GetValue(members), cancellationToken);
    Console.WriteLine($"구 3곳, 회원 {world.Members.Count()}명 준비 / 3 districts and {world.Members.Count()} members ready ({clock.Elapsed.TotalSeconds:F0} s)");
    if (parse.GetValue(ready) is { } readyFile) await File.WriteAllTextAsync(readyFile.FullName, "ready\n", cancellationToken);

    var acknowledged = new Acknowledged();
    await new Load(gateways, world, acknowledged, counters).RunAsync(parse.GetValue(workers), TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
    var loadEnded = clock.Elapsed;
    // Every fault injected and recovered from, then the scheduler's and the expiry sweep's last steps on what the
    // load left behind (a few of their periods): the verifier reads a database at rest.
    for (var waited = 0; parse.GetValue(faultsDone) is { } done && !File.Exists(done.FullName) && waited < 180; waited++) await Task.Delay(1_000, cancellationToken);
    await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
    var verifier = new Verifier(gateways, world, acknowledged, counters);
    await verifier.RunAsync(cancellationToken);

    var faults = parse.GetValue(faultsLog) is { Exists: true } log ? File.ReadAllLines(log.FullName).Where(l => l.Length > 0).ToList() : [];
    Console.Write(Summary.Write(counters, verifier.Checked, faults, loadEnded, clock.Elapsed));
    return counters.Violations.IsEmpty ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();
