using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bot.Benchmarks.Discord;

/// <summary>
/// Discord's REST on 127.0.0.1 for the benchmarks: keep-alive HTTP/1.1 on dedicated threads with
/// blocking sockets, answering 204 to everything and signalling each interaction callback.
/// </summary>
internal sealed class LoopbackDiscordRest : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly SemaphoreSlim _callbacks = new(0);
    private int _warmUps;

    public LoopbackDiscordRest()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v10");
        new Thread(Accept) { IsBackground = true, Name = "bench-rest-accept" }.Start();
    }

    public Uri BaseUrl { get; }

    public int WarmUps => Volatile.Read(ref _warmUps);

    public bool WaitForCallback(TimeSpan timeout) => _callbacks.Wait(timeout);

    public void Dispose()
    {
        _listener.Stop();
        _callbacks.Dispose();
    }

    private static int HeaderEnd(byte[] buffer, int count) => buffer.AsSpan(0, count).IndexOf("\r\n\r\n"u8);

    private void Accept()
    {
        try
        {
            while (true)
            {
                var socket = _listener.AcceptSocket();
                new Thread(() => Serve(socket)) { IsBackground = true, Name = "bench-rest-conn" }.Start();
            }
        }
        catch (SocketException)
        {
            // stopped
        }
    }

    private void Serve(Socket socket)
    {
        using var _ = socket;
        var buffer = new byte[64 * 1024];
        var count = 0;
        try
        {
            while (true)
            {
                int end;
                while ((end = HeaderEnd(buffer, count)) < 0)
                {
                    var read = socket.Receive(buffer.AsSpan(count));
                    if (read == 0)
                    {
                        return;
                    }

                    count += read;
                }

                var head = Encoding.ASCII.GetString(buffer, 0, end);
                var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                var total = end + 4 + (lengthLine is null ? 0 : int.Parse(lengthLine[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
                while (count < total)
                {
                    var read = socket.Receive(buffer.AsSpan(count));
                    if (read == 0)
                    {
                        return;
                    }

                    count += read;
                }

                buffer.AsSpan(total, count - total).CopyTo(buffer);
                count -= total;
                socket.Send("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"u8);
                var path = head.Split(' ', 3)[1];
                if (path.EndsWith("/callback", StringComparison.Ordinal))
                {
                    _callbacks.Release();
                }
                else if (path.EndsWith("/gateway", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _warmUps);
                }
            }
        }
        catch (SocketException)
        {
            // the client went away
        }
    }
}
