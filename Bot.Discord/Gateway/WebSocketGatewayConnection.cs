using System.Buffers;
using System.Net.WebSockets;

namespace Bot.Discord.Gateway;

/// <summary>
/// One gateway socket. Its stream completes synchronously, so waiting on the returned tasks only
/// blocks the calling gateway thread, never a pool thread.
/// </summary>
internal sealed class WebSocketGatewayConnection(ClientWebSocket socket) : IGatewayConnection
{
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    public int? CloseStatus => (int?)socket.CloseStatus;

    public string? CloseDescription => socket.CloseStatusDescription;

    public void Send(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        var pending = socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        if (pending.IsCompleted)
        {
            pending.GetAwaiter().GetResult();
        }
        else
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }

    public bool Receive(ArrayBufferWriter<byte> into, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var pending = socket.ReceiveAsync(into.GetMemory(8192), cancellationToken);
                var result = pending.IsCompleted ? pending.GetAwaiter().GetResult() : pending.AsTask().GetAwaiter().GetResult();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Close(CloseStatus ?? 1000, "");
                    return false;
                }

                into.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    return true;
                }

                if (into.WrittenCount > MaxMessageBytes)
                {
                    Abort();
                    return false;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }

    public void Close(int code, string description)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                socket.CloseOutputAsync((WebSocketCloseStatus)code, description, CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Already broken: the receive side reports it.
        }
    }

    public void Abort() => socket.Abort();

    public void Dispose() => socket.Dispose();
}
