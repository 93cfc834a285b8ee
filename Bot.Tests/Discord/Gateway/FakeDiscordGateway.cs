using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Bot.Discord.Gateway;

namespace Bot.Tests.Discord.Gateway;

/// <summary>
/// A fake Discord on 127.0.0.1 with an ephemeral port: <c>GET /api/v10/gateway/bot</c> and the
/// gateway WebSocket (<c>/gateway</c>, and <c>/resume</c> as the resume URL). Not Kestrel on purpose:
/// check 10 measures heartbeat arrival while every pool thread is blocked, and Kestrel's socket
/// completions run on that same pool, so its timestamps would be as starved as the client. Every
/// connection is served on a dedicated thread with blocking socket reads instead. Any other HTTP
/// request (command registration, interaction callbacks, webhooks, DMs) is recorded and answered with a
/// plausible success, so a whole bot process can run against this one address; each user gets a DM channel of their
/// own (<see cref="DmChannelOf"/>), and a user the test chose is refused DMs with 50007.
/// </summary>
internal sealed class FakeDiscordGateway : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Lock _lock = new();
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly List<string> _gatewayBotRequests = [];
    private readonly List<FakeRestRequest> _restRequests = [];
    private readonly HashSet<long> _refusingDirectMessages = [];
    private long _sequence;
    private int _guildCreatesSent;

    private FakeDiscordGateway()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        new Thread(Accept) { IsBackground = true, Name = "fake-gateway-accept" }.Start();
    }

    public int Port { get; }

    /// <summary>
    /// The host name the fake gives out in its URLs (gateway, resume, <see cref="ApiBaseUrl"/>). It always
    /// listens on 127.0.0.1; a client that reaches it through a forwarder (a VM's guest) is told the
    /// forwarder's address instead, on the same port.
    /// </summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    public Uri ApiBaseUrl => new($"http://{AdvertisedHost}:{Port}/api/v10");

    public string ResumeUrl => $"ws://{AdvertisedHost}:{Port}/resume";

    public int HeartbeatIntervalMs { get; set; } = 1000;

    public bool AutoAck { get; set; } = true;

    /// <summary>How long the fake waits after an IDENTIFY before it answers READY (a slow Discord).</summary>
    public TimeSpan ReadyDelay { get; set; }

    /// <summary>The name <c>GET /guilds/{id}</c> answers for any guild; null answers 404 Unknown Guild (10004).</summary>
    public string? GuildName { get; set; } = "Fake Guild";

    /// <summary>
    /// The <c>d</c> of a GUILD_CREATE for each guild the bot is in: sent right after every READY, as Discord does for a
    /// bot with the GUILDS intent. Set before the bot connects.
    /// </summary>
    public List<string> Guilds { get; } = [];

    /// <summary>Channel ids whose messages the fake refuses with 403 Missing Permissions (50013): a channel the bot lost access to. Set before the bot posts.</summary>
    public HashSet<string> ForbiddenChannels { get; } = [];

    /// <summary>How many GUILD_CREATEs (of <see cref="Guilds"/>) the fake has sent, all connections together.</summary>
    public int GuildCreatesSent => Volatile.Read(ref _guildCreatesSent);

    /// <summary>Stopwatch timestamp of the last READY sent; 0 before the first.</summary>
    public long ReadySentAt { get; set; }

    public IReadOnlyList<FakeGatewayConnection> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections];
            }
        }
    }

    public IReadOnlyList<FakeRestRequest> RestRequests
    {
        get
        {
            lock (_lock)
            {
                return [.. _restRequests];
            }
        }
    }

    public IReadOnlyList<string> GatewayBotRequests
    {
        get
        {
            lock (_lock)
            {
                return [.. _gatewayBotRequests];
            }
        }
    }

    /// <summary>The DM channel the fake opens for a user: one per user, so each user's direct messages can be told apart.</summary>
    public static long DmChannelOf(long userId) => 5_550_000_000_000 + userId;

    /// <summary>From now on, direct messages to this user are refused as Discord refuses them (403, code 50007).</summary>
    public void RefuseDirectMessages(long userId)
    {
        lock (_lock)
        {
            _refusingDirectMessages.Add(userId);
        }
    }

    /// <summary>The JSON bodies of the direct messages posted to this user (refused ones included), in order.</summary>
    public IReadOnlyList<string> DirectMessagesTo(long userId) =>
        [.. RestRequests.Where(r => r.Method == "POST" && r.Path == $"/api/v10/channels/{DmChannelOf(userId)}/messages").Select(r => r.Body)];

    public static FakeDiscordGateway Start(int heartbeatIntervalMs = 1000) => new() { HeartbeatIntervalMs = heartbeatIntervalMs };

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Sends a dispatch (e.g. CHANNEL_UPDATE, GUILD_ROLE_UPDATE) on the latest gateway connection.</summary>
    public void Dispatch(string name, string dataJson) => Connections[^1].SendDispatch(name, dataJson);

    /// <summary>After READY on <paramref name="connection"/>: a GUILD_CREATE for each of <see cref="Guilds"/>.</summary>
    internal void SendGuilds(FakeGatewayConnection connection)
    {
        foreach (var guild in Guilds)
        {
            connection.SendDispatch("GUILD_CREATE", guild);
            Interlocked.Increment(ref _guildCreatesSent);
        }
    }

    public void Dispose() => _listener.Stop();

    private static string ReadHead(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && stream.Read(one) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private void Accept()
    {
        try
        {
            while (true)
            {
                var socket = _listener.AcceptSocket();
                new Thread(() => Serve(socket)) { IsBackground = true, Name = "fake-gateway-connection" }.Start();
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Serve(Socket socket)
    {
        var stream = new BlockingSocketStream(socket);
        try
        {
            var head = ReadHead(stream);
            var parts = head.Split(' ', 3);
            if (parts.Length < 3)
            {
                // A client that connected and left without a request (e.g. a process killed mid-connect).
                stream.Dispose();
                return;
            }

            var target = parts[1];
            var path = target.Split('?')[0];
            var query = target.Contains('?', StringComparison.Ordinal) ? target[target.IndexOf('?', StringComparison.Ordinal)..] : "";
            if (path == "/api/v10/gateway/bot")
            {
                lock (_lock)
                {
                    _gatewayBotRequests.Add(head);
                }

                var body = Encoding.UTF8.GetBytes($$$"""{"url":"ws://{{{AdvertisedHost}}}:{{{Port}}}/gateway","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}""");
                stream.Write(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
                stream.Write(body);
                stream.Dispose();
                return;
            }

            var keyLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase));
            if (keyLine is null)
            {
                ServeRest(stream, head, path);
                return;
            }

            var key = keyLine[18..].Trim();
#pragma warning disable CA5350 // RFC 6455 mandates SHA-1 for Sec-WebSocket-Accept.
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
            stream.Write(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"));
            var webSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
            var connection = new FakeGatewayConnection(path, query, webSocket, this);
            lock (_lock)
            {
                _connections.Add(connection);
            }

            connection.Serve();
        }
        catch (Exception e)
        {
            // Usually the peer went away. Whatever it was, a fake server thread must never take the
            // test host down; the test that caused it fails on what it did not receive.
            if (e is not (IOException or SocketException or ObjectDisposedException or WebSocketException))
            {
                Console.Error.WriteLine($"fake Discord connection failed: {e.GetType().Name}: {e.Message}");
            }

            stream.Dispose();
        }
    }

    /// <summary>Answers REST requests on one kept-alive connection (as Discord does) until the client closes it.</summary>
    private void ServeRest(Stream stream, string head, string path)
    {
        while (true)
        {
            AnswerRest(stream, head, path);
            head = ReadHead(stream);
            var parts = head.Split(' ', 3);
            if (parts.Length < 3)
            {
                stream.Dispose();
                return;
            }

            path = parts[1].Split('?')[0];
        }
    }

    private void AnswerRest(Stream stream, string head, string path)
    {
        var lines = head.Split("\r\n");
        var method = lines[0].Split(' ')[0];
        var length = lines.Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        stream.ReadExactly(body);
        lock (_lock)
        {
            _restRequests.Add(new FakeRestRequest(method, path, head, Encoding.UTF8.GetString(body), System.Diagnostics.Stopwatch.GetTimestamp()) { BodyBytes = body });
        }

        var (status, json) = (method, path) switch
        {
            ("GET", "/api/v10/gateway") => ("200 OK", $$$"""{"url":"ws://{{{AdvertisedHost}}}:{{{Port}}}/gateway"}"""),
            ("POST", _) when path.EndsWith("/callback", StringComparison.Ordinal) => ("204 No Content", ""),
            ("PUT", _) when path.EndsWith("/commands", StringComparison.Ordinal) => ("200 OK", "[]"),
            ("POST", "/api/v10/users/@me/channels") => ("200 OK", $$"""{"id":"{{DmChannelOf(Recipient(body))}}","type":1}"""),
            ("POST", _) when RefusesDirectMessagesOn(path) => ("403 Forbidden", """{"message":"Cannot send messages to this user","code":50007}"""),
            ("GET", _) when path.StartsWith("/api/v10/guilds/", StringComparison.Ordinal) && path.Count(c => c == '/') == 4 => GuildName is { } name
                ? ("200 OK", $$"""{"id":{{System.Text.Json.JsonSerializer.Serialize(path[16..])}},"name":{{System.Text.Json.JsonSerializer.Serialize(name)}}}""")
                : ("404 Not Found", """{"message":"Unknown Guild","code":10004}"""),
            ("POST", _) when path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal)
                && ForbiddenChannels.Contains(path.Split('/')[4]) => ("403 Forbidden", """{"message":"Missing Permissions","code":50013}"""),
            ("POST", _) when path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal) =>
                ("200 OK", """{"id":"1001","channel_id":"5550","content":""}"""),
            ("PATCH", _) or ("POST", _) when path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal) =>
                ("200 OK", """{"id":"1000","channel_id":"2000","content":""}"""),
            _ => ("404 Not Found", """{"message":"Unknown route","code":0}"""),
        };
        var bytes = Encoding.UTF8.GetBytes(json);
        stream.Write(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: keep-alive\r\n\r\n"));
        stream.Write(bytes);
    }

    private static long Recipient(byte[] body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return long.Parse(json.RootElement.GetProperty("recipient_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private bool RefusesDirectMessagesOn(string path)
    {
        lock (_lock)
        {
            return _refusingDirectMessages.Any(user => path == $"/api/v10/channels/{DmChannelOf(user)}/messages");
        }
    }
}
