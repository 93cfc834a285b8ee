using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Bot.Discord.Rest;
using Bot.Tests.Support;

namespace Bot.Tests.Discord.Rest;

/// <summary>
/// The acknowledgement threads' own HTTP/1.1 connection: framing of the answers Discord's edge may
/// give (length, chunked, until close), reuse of a kept-alive connection, and a transparent reconnect
/// when the server closed it, all against a raw socket server scripted per request.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class BlockingHttpConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public void Send_KeepAliveServer_TwoRequestsShareOneConnection()
    {
        using var server = new ScriptedHttpServer((_, _, _) => Answer("200 OK", "Content-Length: 2", "{}"));
        using var connection = new BlockingHttpConnection(server.BaseUrl, "DiscordBot (test, 1)", Timeout);

        var first = connection.Send(HttpMethod.Post, "/api/v10/interactions/1/t/callback", "{\"type\":5}"u8.ToArray(), null);
        var second = connection.Send(HttpMethod.Post, "/api/v10/interactions/2/t/callback", "{\"type\":5}"u8.ToArray(), null);

        Assert.Multiple(() =>
        {
            Assert.That((first.Status, second.Status), Is.EqualTo((200, 200)));
            Assert.That(Encoding.UTF8.GetString(second.Content), Is.EqualTo("{}"));
            Assert.That(server.Connections, Is.EqualTo(1));
            Assert.That(connection.Connects, Is.EqualTo(1));
        });
    }

    [Test]
    public void Send_RequestOnTheWire_HasHostUserAgentLengthAndBody()
    {
        using var server = new ScriptedHttpServer((_, _, _) => Answer("204 No Content", "Content-Length: 0", ""));
        using var connection = new BlockingHttpConnection(server.BaseUrl, "DiscordBot (https://example.test, 2)", Timeout);

        connection.Send(HttpMethod.Post, "/api/v10/interactions/7/tok/callback", "{\"type\":5}"u8.ToArray(), "Bot secret");

        var request = server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request, Does.StartWith("POST /api/v10/interactions/7/tok/callback HTTP/1.1\r\n"));
            Assert.That(request, Does.Contain($"\r\nHost: 127.0.0.1:{server.BaseUrl.Port}\r\n"));
            Assert.That(request, Does.Contain("\r\nUser-Agent: DiscordBot (https://example.test, 2)\r\n"));
            Assert.That(request, Does.Contain("\r\nContent-Type: application/json\r\n"));
            Assert.That(request, Does.Contain("\r\nContent-Length: 10\r\n"));
            Assert.That(request, Does.Contain("\r\nAuthorization: Bot secret\r\n"));
            Assert.That(request, Does.EndWith("\r\n\r\n{\"type\":5}"));
        });
    }

    [Test]
    public void Send_ChunkedAnswer_BodyReassembled()
    {
        using var server = new ScriptedHttpServer((_, _, _) =>
            Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\nX-RateLimit-Bucket: b1\r\n\r\n5;ext=1\r\n{\"cod\r\n9\r\ne\":10062}\r\n0\r\n\r\n"));
        using var connection = new BlockingHttpConnection(server.BaseUrl, "ua", Timeout);

        var answer = connection.Send(HttpMethod.Post, "/x", [], null);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That(Encoding.UTF8.GetString(answer.Content), Is.EqualTo("{\"code\":10062}"));
            Assert.That(answer.ToMessage().Headers.GetValues("X-RateLimit-Bucket"), Is.EqualTo(new[] { "b1" }));
        });
    }

    [Test]
    public void Send_AnswerWithoutLength_ReadUntilCloseAndNextRequestReconnects()
    {
        using var server = new ScriptedHttpServer((_, _, _) => Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n\r\nhello"), closeAfterAnswer: true);
        using var connection = new BlockingHttpConnection(server.BaseUrl, "ua", Timeout);

        var first = connection.Send(HttpMethod.Get, "/gateway", null, null);
        var second = connection.Send(HttpMethod.Get, "/gateway", null, null);

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(first.Content), Is.EqualTo("hello"));
            Assert.That(Encoding.ASCII.GetString(second.Content), Is.EqualTo("hello"));
            Assert.That(server.Connections, Is.EqualTo(2));
        });
    }

    [Test]
    public void Send_ServerClosedIdleConnection_ReopensBeforeSending()
    {
        using var server = new ScriptedHttpServer((_, _, _) => Answer("200 OK", "Content-Length: 0", ""), closeAfterAnswer: true);
        using var connection = new BlockingHttpConnection(server.BaseUrl, "ua", Timeout);
        connection.Send(HttpMethod.Get, "/gateway", null, null);
        Assert.That(SpinWait.SpinUntil(() => server.Closed == 1, Timeout), Is.True, "the server hung up");

        var answer = connection.Send(HttpMethod.Post, "/callback", "{}"u8.ToArray(), null);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(server.Connections, Is.EqualTo(2));
            Assert.That(server.Requests, Has.Count.EqualTo(2), "the request went out once, on the new connection");
        });
    }

    [Test]
    public void Send_ReusedConnectionDroppedWithoutAnswer_SentOnceMoreOnANewConnection()
    {
        // The race a pool also has: the server closes a kept-alive connection just as a request goes out.
        using var server = new ScriptedHttpServer((connectionIndex, requestIndex, _) =>
            connectionIndex == 0 && requestIndex == 1 ? null : Answer("204 No Content", "Content-Length: 0", ""));
        using var connection = new BlockingHttpConnection(server.BaseUrl, "ua", Timeout);
        connection.Send(HttpMethod.Get, "/gateway", null, null);

        var answer = connection.Send(HttpMethod.Post, "/callback", "{}"u8.ToArray(), null);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(204));
            Assert.That(server.Connections, Is.EqualTo(2));
            Assert.That(server.Requests.Count(r => r.StartsWith("POST /callback", StringComparison.Ordinal)), Is.EqualTo(2));
        });
    }

    [Test]
    public void Send_NotHttp_ThrowsIOExceptionAndConnectionIsReopenedNextTime()
    {
        using var server = new ScriptedHttpServer((connectionIndex, _, _) =>
            connectionIndex == 0 ? "SSH-2.0-nope\r\n"u8.ToArray() : Answer("200 OK", "Content-Length: 0", ""));
        using var connection = new BlockingHttpConnection(server.BaseUrl, "ua", Timeout);

        Assert.Throws<IOException>(() => connection.Send(HttpMethod.Get, "/gateway", null, null));
        var answer = connection.Send(HttpMethod.Get, "/gateway", null, null);

        Assert.That((answer.Status, server.Connections), Is.EqualTo((200, 2)));
    }

    [Test]
    public void Send_NobodyListening_ThrowsSocketException()
    {
        var port = Loopback.FreePort();
        using var connection = new BlockingHttpConnection(new Uri($"http://127.0.0.1:{port}/api/v10"), "ua", Timeout);

        Assert.Throws<SocketException>(() => connection.Send(HttpMethod.Get, "/gateway", null, null));
    }

    [Test]
    public void Send_Https_HandshakeAndExchangeOnTheCallingThread()
    {
        using var certificate = SelfSigned();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string? seen = null;
        void Serve()
        {
            using var socket = listener.AcceptSocket();
            using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
            tls.AuthenticateAsServer(certificate);
            var buffer = new byte[4096];
            var read = tls.ReadAtLeast(buffer, 1, throwOnEndOfStream: false);
            seen = Encoding.ASCII.GetString(buffer, 0, read);
            tls.Write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\npong"u8);
            tls.Flush();
            tls.ReadAtLeast(buffer, 1, throwOnEndOfStream: false);
        }

        var server = new Thread(() =>
        {
            try
            {
                Serve();
            }
            catch (Exception e) when (e is IOException or SocketException or InvalidOperationException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
                // the assertions report what went wrong; a server thread must not take the test host down
            }
        })
        { IsBackground = true };
        server.Start();
        X509Certificate? presented = null;
        var pinned = certificate.GetCertHashString();
        using var connection = new BlockingHttpConnection(new Uri($"https://localhost:{port}/api/v10"), "ua", Timeout, (_, cert, _, _) =>
        {
            presented = cert;
            return cert?.GetCertHashString() == pinned;
        });

        var answer = connection.Send(HttpMethod.Get, "/api/v10/gateway", null, null);

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(answer.Content), Is.EqualTo("pong"));
            Assert.That(seen, Does.StartWith("GET /api/v10/gateway HTTP/1.1\r\nHost: localhost:"));
            Assert.That(presented?.Subject, Is.EqualTo("CN=localhost"), "TLS was negotiated with the server's certificate");
        });
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private static byte[] Answer(string status, string header, string body) =>
        Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{header}\r\n\r\n{body}");

    /// <summary>
    /// A raw HTTP server on its own threads. The script gets (connection index, request index on that
    /// connection, request text) and returns the bytes to answer, or null to hang up without an answer.
    /// </summary>
    private sealed class ScriptedHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Func<int, int, string, byte[]?> _script;
        private readonly bool _closeAfterAnswer;
        private readonly ConcurrentQueue<string> _requests = new();
        private int _connections;
        private int _closed;

        public ScriptedHttpServer(Func<int, int, string, byte[]?> script, bool closeAfterAnswer = false)
        {
            _script = script;
            _closeAfterAnswer = closeAfterAnswer;
            _listener.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v10");
            new Thread(Accept) { IsBackground = true }.Start();
        }

        public Uri BaseUrl { get; }

        public int Connections => Volatile.Read(ref _connections);

        public int Closed => Volatile.Read(ref _closed);

        public IReadOnlyList<string> Requests => [.. _requests];

        public void Dispose() => _listener.Stop();

        private void Accept()
        {
            try
            {
                while (true)
                {
                    var socket = _listener.AcceptSocket();
                    var index = Interlocked.Increment(ref _connections) - 1;
                    new Thread(() => Serve(socket, index)) { IsBackground = true }.Start();
                }
            }
            catch (Exception e) when (e is SocketException or InvalidOperationException or ObjectDisposedException)
            {
                // stopped
            }
        }

        private void Serve(Socket socket, int connectionIndex)
        {
            using var _ = socket;
            var pending = new StringBuilder();
            var chunk = new byte[4096];
            try
            {
                for (var requestIndex = 0; ; requestIndex++)
                {
                    string request;
                    while (!TryTakeRequest(pending, out request))
                    {
                        var read = socket.Receive(chunk);
                        if (read == 0)
                        {
                            return;
                        }

                        pending.Append(Encoding.Latin1.GetString(chunk, 0, read));
                    }

                    _requests.Enqueue(request);
                    var answer = _script(connectionIndex, requestIndex, request);
                    if (answer is null)
                    {
                        return;
                    }

                    socket.Send(answer);
                    if (_closeAfterAnswer)
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        return;
                    }
                }
            }
            catch (SocketException)
            {
                // the client went away
            }
            finally
            {
                Interlocked.Increment(ref _closed);
            }
        }

        private static bool TryTakeRequest(StringBuilder pending, out string request)
        {
            var text = pending.ToString();
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            request = "";
            if (headEnd < 0)
            {
                return false;
            }

            var lengthLine = text[..headEnd].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (text.Length < headEnd + 4 + length)
            {
                return false;
            }

            request = text[..(headEnd + 4 + length)];
            pending.Remove(0, request.Length);
            return true;
        }
    }
}
