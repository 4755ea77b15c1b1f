using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EPoomasi.Gateway.Hosting;

/// <summary>Tells a person at the terminal, in plain words, what is running and what to try next.</summary>
public sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, LedgerRuntime ledger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            // The JSON endpoint is the HTTP/1.1 one; with the default settings that is the second address.
            var http = addresses.LastOrDefault() ?? "http://127.0.0.1:5081";
            Console.Out.WriteLine($"""

                e-poomasi 게이트웨이가 실행 중입니다 / e-poomasi gateway is running.
                  주소 listening on:  {string.Join(", ", addresses)} (gRPC: HTTP/2; JSON, gRPC-Web: HTTP/1.1)
                  데이터베이스 database: {ledger.DatabaseDescription}
                  해 보기 try it:      dotnet run --project src/Cli -- demo
                                      curl {http}/v1/districts/mapo/trial-balance   (데모 후 / after the demo)
                  멈추기 stop:         Ctrl+C

                """);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
