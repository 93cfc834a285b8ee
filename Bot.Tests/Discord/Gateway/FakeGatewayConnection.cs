using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Bot.Tests.Discord.Gateway;

/// <summary>
/// One client socket on the fake gateway, served on its own thread with blocking reads so that its
/// timestamps stay true while the test saturates the thread pool. Answers IDENTIFY with READY,
/// RESUME with RESUMED and (unless told not to) heartbeats with ACKs.
/// </summary>
internal sealed class FakeGatewayConnection(string path, string query, WebSocket socket, FakeDiscordGateway gateway)
{
    private readonly Lock _sendLock = new();
    private readonly Lock _framesLock = new();
    private readonly List<FakeGatewayFrame> _frames = [];

    public string Path { get; } = path;

    public string Query { get; } = query;

    public bool AutoAck { get; set; } = gateway.AutoAck;

    public int? ClientCloseCode { get; private set; }

    public bool Ended { get; private set; }

    public long HelloTimestamp { get; private set; }

    public IReadOnlyList<FakeGatewayFrame> Frames
    {
        get
        {
            lock (_framesLock)
            {
                return [.. _frames];
            }
        }
    }

    public IEnumerable<FakeGatewayFrame> FramesOp(int op) => Frames.Where(f => f.Op == op);

    public void Send(string json)
    {
        lock (_sendLock)
        {
            if (socket.State != WebSocketState.Open)
            {
                return;
            }

            socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(json)), WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public void SendDispatch(string name, string dataJson) =>
        Send($$"""{"op":0,"d":{{dataJson}},"s":{{gateway.NextSequence()}},"t":"{{name}}"}""");

    public void Close(int code)
    {
        lock (_sendLock)
        {
            socket.CloseOutputAsync((WebSocketCloseStatus)code, "", CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public void Serve()
    {
        HelloTimestamp = Stopwatch.GetTimestamp();
        Send($$$"""{"op":10,"d":{"heartbeat_interval":{{{gateway.HeartbeatIntervalMs}}}},"s":null,"t":null}""");
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), CancellationToken.None).GetAwaiter().GetResult();
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClientCloseCode = (int?)result.CloseStatus;
                    break;
                }

                var now = Stopwatch.GetTimestamp();
                using var document = JsonDocument.Parse(buffer.AsMemory(0, count));
                var op = document.RootElement.GetProperty("op").GetInt32();
                lock (_framesLock)
                {
                    _frames.Add(new FakeGatewayFrame(op, document.RootElement.GetProperty("d").Clone(), now));
                }

                Answer(op);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            Ended = true;
            socket.Dispose();
        }
    }

    private void Answer(int op)
    {
        switch (op)
        {
            case 1 when AutoAck:
                Send("""{"op":11,"d":null,"s":null,"t":null}""");
                break;
            case 2:
                if (gateway.ReadyDelay > TimeSpan.Zero)
                {
                    Thread.Sleep(gateway.ReadyDelay);
                }

                gateway.ReadySentAt = System.Diagnostics.Stopwatch.GetTimestamp();
                SendDispatch("READY", $$$"""{"v":10,"user":{"id":"222","username":"bot"},"guilds":[],"session_id":"fake-session","resume_gateway_url":"{{{gateway.ResumeUrl}}}","application":{"id":"111","flags":0}}""");
                gateway.SendGuilds(this);
                break;
            case 6:
                SendDispatch("RESUMED", "{}");
                break;
        }
    }
}
