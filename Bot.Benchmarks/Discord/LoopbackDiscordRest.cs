using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bot.Benchmarks.Discord;

/// <summary>
/// Discord's REST on 127.0.0.1 for the benchmarks: keep-alive HTTP/1.1 on dedicated threads with
/// blocking sockets. Callbacks get 204 and are signalled; webhook edits and followups get a message
/// as Discord answers them; the followup that carries the ledger's last line (the pot) is signalled.
/// </summary>
internal sealed class LoopbackDiscordRest : IDisposable
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 46\r\n\r\n" + """{"id":"1000","channel_id":"2000","content":""}""");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly SemaphoreSlim _ledgers = new(0);
    private readonly SemaphoreSlim _callbacks = new(0);
    private int _warmUps;

    public LoopbackDiscordRest()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v10");
        new Thread(Accept) { IsBackground = true, Name = "e2e-rest-accept" }.Start();
    }

    public Uri BaseUrl { get; }

    public int WarmUps => Volatile.Read(ref _warmUps);

    /// <summary>The followups that ended a ledger (contained "Pot:") so far.</summary>
    public int Ledgers { get; private set; }

    public string? LastLedgerBody { get; private set; }

    public bool WaitForLedger(TimeSpan timeout) => _ledgers.Wait(timeout);

    public bool WaitForCallback(TimeSpan timeout) => _callbacks.Wait(timeout);

    public void Dispose()
    {
        _listener.Stop();
        _ledgers.Dispose();
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
                new Thread(() => Serve(socket)) { IsBackground = true, Name = "e2e-rest-conn" }.Start();
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
        var buffer = new byte[1024 * 1024];
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
                var length = lengthLine is null ? 0 : int.Parse(lengthLine[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                var total = end + 4 + length;
                if (total > buffer.Length)
                {
                    Array.Resize(ref buffer, total);
                }

                while (count < total)
                {
                    var read = socket.Receive(buffer.AsSpan(count));
                    if (read == 0)
                    {
                        return;
                    }

                    count += read;
                }

                var parts = head.Split(' ', 3);
                var (method, path) = (parts[0], parts[1]);
                var ledger = method == "POST" && path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal)
                    && buffer.AsSpan(end + 4, length).IndexOf("Pot:"u8) >= 0;
                if (ledger)
                {
                    LastLedgerBody = Encoding.UTF8.GetString(buffer, end + 4, length);
                }

                buffer.AsSpan(total, count - total).CopyTo(buffer);
                count -= total;
                socket.Send(path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal)
                    ? Message
                    : "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                if (ledger)
                {
                    Ledgers++;
                    _ledgers.Release();
                }
                else if (path.EndsWith("/callback", StringComparison.Ordinal))
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
