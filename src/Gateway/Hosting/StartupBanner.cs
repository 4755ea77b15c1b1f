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
            Console.Out.WriteLine($"""

                e-poomasi gateway is running.
                  listening on:  {string.Join(", ", addresses)} (gRPC on HTTP/2; JSON and gRPC-Web on HTTP/1.1)
                  database:      {ledger.DatabaseDescription}
                  try it:        dotnet run --project src/Cli -- demo
                                 curl http://127.0.0.1:5081/v1/districts/mapo/trial-balance   (after the demo)
                  stop:          Ctrl+C

                """);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
