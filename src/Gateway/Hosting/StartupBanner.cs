using EPoomasi.Gateway.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EPoomasi.Gateway.Hosting;

/// <summary>Tells a person at the terminal, in plain words, what is running and what to try next, on the ports in use.</summary>
public sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, LedgerRuntime ledger, AuthOptions auth) : IHostedService
{
    private const string DefaultGrpc = "http://127.0.0.1:5080";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
            Console.Out.WriteLine(Text(addresses, ledger.DatabaseDescription, auth.DevelopmentIssuerEnabled));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The banner for these addresses, in the order the endpoints are configured: gRPC (HTTP/2) first, then
    /// JSON and gRPC-Web (HTTP/1.1). The commands it suggests name the gateway when it is not on the CLI's default.
    /// </summary>
    public static string Text(IReadOnlyList<string> addresses, string database, bool developmentIssuer)
    {
        var grpc = addresses.Count > 0 ? addresses[0] : DefaultGrpc;
        var http = addresses.Count > 1 ? addresses[^1] : grpc;
        var cli = "dotnet run --project src/Cli --" + (grpc == DefaultGrpc ? "" : $" --gateway {grpc}");
        var tryIt = developmentIssuer
            ? $"""
                  해 보기 try it:      {cli} demo
                                      TOKEN=$({cli} token auditor auditor:me)
                                      curl -H "authorization: Bearer $TOKEN" {http}/v1/districts/mapo/trial-balance   (데모 후 / after the demo)
              """
            : $"""
                  토큰 tokens:         signed by your identity provider (Auth:SigningKeys); see docs/security.md
              """;
        return $"""

            e-poomasi 게이트웨이가 실행 중입니다 / e-poomasi gateway is running.
              주소 listening on:  {string.Join(", ", addresses)} (gRPC: HTTP/2; JSON, gRPC-Web: HTTP/1.1)
              데이터베이스 database: {database}
              웹 콘솔 console:     {http}/console
            {tryIt}
              멈추기 stop:         Ctrl+C

            """;
    }
}
