using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;

namespace EPoomasi.WebConsole.Session;

/// <summary>
/// The console's one connection to the gateway's gRPC API: <c>Console:Gateway</c>, or the gateway's own gRPC endpoint
/// when the console runs inside it (a wildcard host is reached on loopback).
/// </summary>
public sealed class GatewayChannel(IConfiguration configuration) : IDisposable
{
    private readonly Lazy<GrpcChannel> _channel = new(() => GrpcChannel.ForAddress(Address(configuration)));

    public GrpcChannel Channel => _channel.Value;

    internal static Uri Address(IConfiguration configuration)
    {
        var url = configuration["Console:Gateway"] ?? configuration["Kestrel:Endpoints:Grpc:Url"] ?? "http://127.0.0.1:5080";
        var uri = new UriBuilder(url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        return uri.Uri;
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated) _channel.Value.Dispose();
    }
}
