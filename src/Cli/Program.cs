using EPoomasi.Cli;
using Grpc.Core;

var options = Options.Parse(args);
var address = options.Named("gateway") ?? Environment.GetEnvironmentVariable("EPOOMASI_GATEWAY") ?? Gateway.DefaultAddress;
using var gateway = new Gateway(address);
var token = options.Named("token") ?? Environment.GetEnvironmentVariable("EPOOMASI_TOKEN");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return await new Commands(gateway, options, token, cancel.Token).RunAsync();
}
catch (UsageException usage)
{
    Console.WriteLine($"  {usage.Message}\n\n{Commands.Usage}");
    return 2;
}
catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && error.Status.DebugException is not null)
{
    Console.WriteLine($"  No gateway answers at {address}. Start one with: dotnet run --project src/Gateway");
    return 3;
}
catch (RpcException error)
{
    Printer.Error(error);
    return 1;
}
