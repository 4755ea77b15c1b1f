using System.Net;
using System.Net.Sockets;

namespace EPoomasi.LocalPostgres.Tests;

internal static class Folders
{
    /// <summary>A new folder path under the temporary directory, which every user can enter.</summary>
    public static string NewReachable() => Path.Combine(Path.GetTempPath(), "epoomasi-test-" + Guid.NewGuid().ToString("N")[..12]);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
