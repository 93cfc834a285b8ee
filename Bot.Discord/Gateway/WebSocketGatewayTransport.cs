using System.Net.Sockets;
using System.Net.WebSockets;

namespace Bot.Discord.Gateway;

/// <summary>
/// <see cref="ClientWebSocket"/> over a <see cref="BlockingSocketStream"/> supplied through
/// <see cref="SocketsHttpHandler.ConnectCallback"/> (TLS for wss is layered on top by the handler),
/// so an open connection sends and receives without the thread pool.
/// </summary>
internal sealed class WebSocketGatewayTransport : IGatewayTransport, IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly SocketsHttpHandler _handler;
    private readonly HttpMessageInvoker _invoker;

    public WebSocketGatewayTransport()
    {
        _handler = new SocketsHttpHandler { ConnectCallback = ConnectBlockingAsync, ConnectTimeout = ConnectTimeout };
        _invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
    }

    public IGatewayConnection Connect(Uri uri, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            socket.ConnectAsync(uri, _invoker, timeout.Token).GetAwaiter().GetResult();
            return new WebSocketGatewayConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _invoker.Dispose();
        _handler.Dispose();
    }

    private static ValueTask<Stream> ConnectBlockingAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (cancellationToken.Register(static s => ((Socket)s!).Dispose(), socket))
            {
                socket.Connect(context.DnsEndPoint.Host, context.DnsEndPoint.Port);
            }

            return ValueTask.FromResult<Stream>(new BlockingSocketStream(socket));
        }
        catch (Exception e)
        {
            socket.Dispose();
            return ValueTask.FromException<Stream>(cancellationToken.IsCancellationRequested ? new OperationCanceledException(cancellationToken) : e);
        }
    }
}
