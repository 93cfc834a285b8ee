using System.Net;
using System.Net.Sockets;

namespace Bot.Tests.Support;

/// <summary>
/// An HTTP client whose connections leave from a given local address, e.g. 127.0.0.2: on Linux every 127.x.y.z is
/// loopback, so a test can be "another client" on the same machine, with its own address for per-address limits.
/// </summary>
internal static class SourceAddressClient
{
    public static HttpClient Create(IPAddress source, TimeSpan? timeout = null) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(60),
    };
}
