using EPoomasi.Contracts.Ledger.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace EPoomasi.Cli;

/// <summary>The gRPC clients, with the caller's attribution sent on every call.</summary>
internal sealed class Gateway : IDisposable
{
    public const string DefaultAddress = "http://127.0.0.1:5080";

    private readonly GrpcChannel _channel;

    public Gateway(string address, string actor)
    {
        _channel = GrpcChannel.ForAddress(address);
        var invoker = _channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("epoomasi-actor", actor);
            metadata.Add("epoomasi-channel", "cli");
            return metadata;
        });
        Ledger = new LedgerService.LedgerServiceClient(invoker);
        Administration = new AdministrationService.AdministrationServiceClient(invoker);
    }

    public LedgerService.LedgerServiceClient Ledger { get; }

    public AdministrationService.AdministrationServiceClient Administration { get; }

    public void Dispose() => _channel.Dispose();
}
