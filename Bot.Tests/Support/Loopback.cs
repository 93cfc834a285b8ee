using System.Net;
using System.Net.Sockets;

namespace Bot.Tests.Support;

/// <summary>Loopback addresses for tests that start a real process on a port of their own.</summary>
internal static class Loopback
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago (the process under test binds it next).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
