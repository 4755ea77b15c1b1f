using System.Net;
using System.Net.Sockets;

namespace EPoomasi.Gateway.Tests;

/// <summary>
/// A newcomer who starts the gateway twice: the second one once adopted the first one's PostgreSQL,
/// failed on its port, and stopped that PostgreSQL on its way out. Now it checks its ports before it
/// starts anything, says which one is taken, and exits.
/// </summary>
public sealed class a_second_gateway_on_busy_ports_says_so_and_changes_nothing
{
    [Fact(Timeout = TestTimeouts.Default)]
    public async Task it_names_the_port_and_exits_before_touching_any_database()
    {
        using var first = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        var busy = ((IPEndPoint)first.LocalEndpoint).Port;
        var said = new StringWriter();
        var before = Console.Error;
        int exit;
        Console.SetError(said);
        try
        {
            // No database answers on port 1: had it tried to start one or connect, it would have failed differently, and slowly.
            exit = await Task.Run(() => GatewayApp.Run(
            [
                "--Ledger:ConnectionString=Host=127.0.0.1;Port=1;Username=postgres;Database=none",
                $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{busy}",
                $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{GatewayFixture.FreePort()}",
                .. GatewayFixture.AuthArgs,
            ]), TestContext.Current.CancellationToken);
        }
        finally
        {
            Console.SetError(before);
        }

        Assert.Equal(2, exit);
        Assert.Contains($"Port {busy} on 127.0.0.1 (Grpc) is already in use", said.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was started or changed", said.ToString(), StringComparison.Ordinal);
    }
}
