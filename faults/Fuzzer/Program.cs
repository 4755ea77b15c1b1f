using System.CommandLine;
using EPoomasi.Fuzzer;

var grpc = new Option<string>("--grpc") { Description = "The gateway's gRPC address (HTTP/2).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
var http = new Option<string>("--http") { Description = "The gateway's JSON address (HTTP/1.1).", DefaultValueFactory = _ => "http://127.0.0.1:5081" };
foreach (var address in new[] { grpc, http })
{
    address.Validators.Add(result =>
    {
        if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            result.AddError($"{address.Name} takes an address with its scheme, e.g. http://127.0.0.1:5080.");
        }
    });
}

var requests = new Option<int>("--requests") { Description = "How many forged requests to send.", DefaultValueFactory = _ => 10_000 };
var seed = new Option<int>("--seed") { Description = "The seed: the same seed sends the same requests.", DefaultValueFactory = _ => Environment.TickCount & 0x7FFF_FFFF };
var underFaults = new Option<bool>("--under-faults") { Description = "The fault harness is killing the gateway and restarting its database: requests cut off by that are counted, not held to the rules." };
var ready = new Option<FileInfo?>("--ready-file") { Description = "Written once the fuzzer's own districts exist and forged requests begin." };
var root = new RootCommand("Sends forged requests to every RPC of an e-poomasi gateway (with the development issuer on) and checks its promises.")
{
    grpc, http, requests, seed, underFaults, ready,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var run = parse.GetValue(seed);
    var grpcAddress = new Uri(parse.GetValue(grpc)!);
    using var wire = new Wire(grpcAddress, new Uri(parse.GetValue(http)!));
    var world = await FuzzWorld.BuildAsync(grpcAddress, $"fz{run % 100_000}", cancellationToken);
    if (parse.GetValue(ready) is { } readyFile) await File.WriteAllTextAsync(readyFile.FullName, "ready\n", cancellationToken);
    var report = await new FuzzRun(wire, world, run, parse.GetValue(underFaults)).RunAsync(parse.GetValue(requests), cancellationToken);
    Console.Out.Write(report.Summary());
    return report.ViolationCount == 0 ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();
