using System.CommandLine;
using EPoomasi.Fuzzer;

var grpc = new Option<Uri>("--grpc") { Description = "The gateway's gRPC address (HTTP/2).", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080") };
var http = new Option<Uri>("--http") { Description = "The gateway's JSON address (HTTP/1.1).", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5081") };
var requests = new Option<int>("--requests") { Description = "How many forged requests to send.", DefaultValueFactory = _ => 10_000 };
var seed = new Option<int>("--seed") { Description = "The seed: the same seed sends the same requests.", DefaultValueFactory = _ => Environment.TickCount & 0x7FFF_FFFF };
var root = new RootCommand("Sends forged requests to every RPC of an e-poomasi gateway (with the development issuer on) and checks its promises.")
{
    grpc, http, requests, seed,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var run = parse.GetValue(seed);
    using var wire = new Wire(parse.GetValue(grpc)!, parse.GetValue(http)!);
    var world = await FuzzWorld.BuildAsync(parse.GetValue(grpc)!, $"fz{run % 100_000}", cancellationToken);
    var report = await new FuzzRun(wire, world, run).RunAsync(parse.GetValue(requests), cancellationToken);
    Console.Out.Write(report.Summary());
    return report.ViolationCount == 0 ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();
