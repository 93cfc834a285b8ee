using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Bot.Tests.Discord.Rest;

namespace Bot.Tests.Discord.Interactions;

/// <summary>
/// A minimal HTTP/1.1 server on dedicated threads with blocking sockets, for check 30 only: Kestrel
/// runs on the thread pool, so while a test saturates the pool it could not see (or time) a request
/// that did arrive. Answers 204 to everything and records method, path, body and arrival time.
/// With <c>closeEveryConnection</c> it answers <c>Connection: close</c> and hangs up after each
/// response, the worst case for a client that must reconnect while the pool is starved.
/// </summary>
internal sealed class BlockingHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly bool _closeEveryConnection;
    private volatile bool _stopped;
    private int _connections;

    public BlockingHttpServer(bool closeEveryConnection = false)
    {
        _closeEveryConnection = closeEveryConnection;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v10");
        new Thread(Accept) { IsBackground = true, Name = "fake-http-accept" }.Start();
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stopped = true;
        _listener.Stop();
    }

    private void Accept()
    {
        while (!_stopped)
        {
            Socket socket;
            try
            {
                socket = _listener.AcceptSocket();
            }
            catch (Exception e) when (e is SocketException or InvalidOperationException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            new Thread(() => Serve(socket)) { IsBackground = true, Name = "fake-http-conn" }.Start();
        }
    }

    private void Serve(Socket socket)
    {
        using var _ = socket;
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        try
        {
            while (!_stopped)
            {
                int headerEnd;
                while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
                {
                    var read = socket.Receive(chunk);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read));
                }

                var arrived = Stopwatch.GetTimestamp();
                var head = Encoding.ASCII.GetString([.. buffer.GetRange(0, headerEnd)]);
                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                    .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
                var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
                while (buffer.Count < headerEnd + 4 + length)
                {
                    var read = socket.Receive(chunk);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read));
                }

                var body = Encoding.UTF8.GetString([.. buffer.GetRange(headerEnd + 4, length)]);
                buffer.RemoveRange(0, headerEnd + 4 + length);
                var path = requestLine[1].StartsWith("/api/v10", StringComparison.Ordinal) ? requestLine[1]["/api/v10".Length..] : "!" + requestLine[1];
                _requests.Enqueue(new RecordedRequest(requestLine[0], path, headers, body, arrived));
                if (_closeEveryConnection)
                {
                    socket.Send("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8);
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }

                socket.Send("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"u8);
            }
        }
        catch (SocketException)
        {
            // client went away
        }
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
