using System.Net;
using System.Net.Sockets;

namespace EPoomasi.Gateway.Hosting;

/// <summary>
/// The ports the gateway is configured to listen on, checked before anything starts: a second gateway
/// started by mistake must say so and leave the first one's database and ports alone.
/// </summary>
public static class ListeningPorts
{
    /// <summary>A message for a person naming the first configured port already taken, or null when all are free.</summary>
    public static string? FindBusy(IConfiguration configuration)
    {
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (!Uri.TryCreate(endpoint["Url"], UriKind.Absolute, out var url) || url.Port == 0 || !IPAddress.TryParse(url.Host, out var address))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(address, url.Port);
                listener.Start();
            }
            catch (SocketException)
            {
                return $"""
                    {url.Host}:{url.Port} 포트를 이미 다른 프로그램이 쓰고 있습니다 ({endpoint.Key}). 다른 e-poomasi 게이트웨이가 실행 중인지 확인하세요. 아무것도 시작하거나 바꾸지 않았습니다.
                    Port {url.Port} on {url.Host} ({endpoint.Key}) is already in use: is another e-poomasi gateway running? Nothing was started or changed.
                    Stop the other one, or give this one other ports (and its own data folder), e.g.:
                      dotnet run --project src/Gateway -- --Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:6080 --Kestrel:Endpoints:Http:Url=http://127.0.0.1:6081 --Ledger:DataDirectory=.data/second --Ledger:EmbeddedPostgresPort=6544
                    """;
            }
        }

        return null;
    }
}
