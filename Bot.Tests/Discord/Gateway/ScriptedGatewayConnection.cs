using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Bot.Discord.Gateway;

namespace Bot.Tests.Discord.Gateway;

/// <summary>
/// An in-memory gateway socket driven by the test: it pushes server frames and reads what the client
/// sent, stamped with the fake clock. Sends after the client closed are counted as violations.
/// </summary>
internal sealed class ScriptedGatewayConnection(Uri uri, TimeProvider time) : IGatewayConnection
{
    private readonly BlockingCollection<byte[]?> _inbound = [];
    private readonly CancellationTokenSource _aborted = new();
    private readonly Lock _lock = new();
    private readonly List<SentFrame> _sent = [];
    private int? _closeStatus;
    private int _taken;
    private int _receiveCalls;

    public Uri Uri { get; } = uri;

    public long ConnectedAt { get; } = time.GetTimestamp();

    public int? ClientCloseCode { get; private set; }

    public long? ClientClosedAt { get; private set; }

    public int SendsAfterClose { get; private set; }

    public bool Aborted => _aborted.IsCancellationRequested;

    public long? HelloAt { get; private set; }

    public int? CloseStatus => _closeStatus;

    public string? CloseDescription => null;

    public IReadOnlyList<SentFrame> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    public IEnumerable<SentFrame> SentOp(int op) => Sent.Where(f => f.Op == op);

    /// <summary>
    /// Whether the client has handled every pushed frame: none is waiting, and the reader came back for the next one
    /// after taking the last (it handles a frame before it reads again).
    /// </summary>
    public bool AllHandled => _inbound.Count == 0 && Volatile.Read(ref _receiveCalls) > Volatile.Read(ref _taken);

    public void Push(string json) => _inbound.Add(Encoding.UTF8.GetBytes(json));

    public void PushHello(int intervalMs)
    {
        HelloAt = time.GetTimestamp();
        Push($$"""{"op":10,"d":{"heartbeat_interval":{{intervalMs}}},"s":null,"t":null}""");
    }

    public void PushAck() => Push("""{"op":11,"d":null,"s":null,"t":null}""");

    public void PushDispatch(string name, long sequence, string dataJson) =>
        Push($$"""{"op":0,"d":{{dataJson}},"s":{{sequence}},"t":"{{name}}"}""");

    public void PushReady(long sequence = 1, string session = "session-1", string resumeUrl = "wss://resume.test", string applicationId = "111") =>
        PushDispatch("READY", sequence, $$$"""{"v":10,"user":{"id":"222","username":"bot"},"guilds":[],"session_id":"{{{session}}}","resume_gateway_url":"{{{resumeUrl}}}","application":{"id":"{{{applicationId}}}","flags":0}}""");

    /// <summary>The server closes with a code (null: the TCP connection just drops).</summary>
    public void ServerClose(int? code)
    {
        _closeStatus = code;
        _inbound.Add(null);
    }

    public void Send(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (ClientCloseCode is not null || Aborted)
            {
                SendsAfterClose++;
                throw new InvalidOperationException("send after close");
            }

            _sent.Add(SentFrame.Parse(utf8Json.Span, time.GetTimestamp()));
        }
    }

    public bool Receive(ArrayBufferWriter<byte> into, CancellationToken cancellationToken)
    {
        try
        {
            Interlocked.Increment(ref _receiveCalls);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(_aborted.Token, cancellationToken);
            var frame = _inbound.Take(either.Token);
            Interlocked.Increment(ref _taken);
            if (frame is null)
            {
                return false;
            }

            into.Write(frame);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Close(int code, string description)
    {
        lock (_lock)
        {
            if (ClientCloseCode is null)
            {
                ClientCloseCode = code;
                ClientClosedAt = time.GetTimestamp();
                _inbound.Add(null);
            }
        }
    }

    public void Abort() => _aborted.Cancel();

    public void Dispose()
    {
    }
}
