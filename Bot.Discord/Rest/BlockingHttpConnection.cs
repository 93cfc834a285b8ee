using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Bot.Discord.Rest;

/// <summary>
/// One persistent HTTP/1.1 connection driven entirely by blocking calls on the calling thread: DNS,
/// connect, TLS handshake, write and read. <see cref="HttpClient"/> opens connections on the thread
/// pool (its connection pool reads ahead asynchronously even when the connect callback blocks), so
/// an acknowledgement thread that had to reconnect while the pool is starved would wait for the pool.
/// This needs no pool thread at any step. Small on purpose: the interaction callback and a keep-warm
/// GET are all it sends. Here: connect, TLS and the request; the answer is parsed by <see cref="BlockingHttpResponseReader"/>.
/// </summary>
internal sealed class BlockingHttpConnection(Uri baseUrl, string userAgent, TimeSpan timeout, RemoteCertificateValidationCallback? validateCertificate = null) : IDisposable
{
    private readonly string _host = baseUrl.IdnHost;
    private readonly string _hostHeader = baseUrl.IsDefaultPort ? baseUrl.IdnHost : $"{baseUrl.IdnHost}:{baseUrl.Port.ToString(CultureInfo.InvariantCulture)}";
    private Socket? _socket;
    private Stream? _stream;
    private BlockingHttpResponseReader? _reader;
    private volatile bool _disposed;
    private bool _answerStarted;

    /// <summary>Connections opened so far (a test and a log figure).</summary>
    public int Connects { get; private set; }

    /// <summary>Opens the connection now if it is not open (or the server has closed it).</summary>
    public void EnsureConnected()
    {
        if (_stream is null || PeerClosed())
        {
            Reconnect();
        }
    }

    /// <summary>
    /// Sends one request and reads the whole response. A reused connection that fails before any byte of
    /// the answer arrived is reopened and the request sent once more (the peer closed it in between).
    /// </summary>
    public BlockingHttpResponse Send(HttpMethod method, string pathAndQuery, byte[]? body, string? authorization)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var reused = _stream is not null && !PeerClosed();
        if (!reused)
        {
            Reconnect();
        }

        var request = BuildHead(method, pathAndQuery, body, authorization);
        try
        {
            return Exchange(request, body);
        }
        catch (Exception e) when (reused && e is IOException or SocketException && !_answerStarted)
        {
            Reconnect();
            return Exchange(request, body);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Close();
    }

    private BlockingHttpResponse Exchange(byte[] head, byte[]? body)
    {
        _answerStarted = false;
        var reader = _reader!;
        var reading = false;
        try
        {
            var stream = _stream!;
            stream.Write(head);
            if (body is { Length: > 0 })
            {
                stream.Write(body);
            }

            stream.Flush();
            reading = true;
            var response = reader.Read(out var closed);
            if (closed)
            {
                Close();
            }

            return response;
        }
        catch
        {
            // Half a request or half an answer leaves the connection unusable.
            _answerStarted = reading && reader.AnswerStarted;
            Close();
            throw;
        }
    }

    private byte[] BuildHead(HttpMethod method, string pathAndQuery, byte[]? body, string? authorization)
    {
        var head = new StringBuilder(256)
            .Append(method.Method).Append(' ').Append(pathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(_hostHeader).Append("\r\n")
            .Append("User-Agent: ").Append(userAgent).Append("\r\n")
            .Append("Accept: application/json\r\n");
        if (authorization is not null)
        {
            head.Append("Authorization: ").Append(authorization).Append("\r\n");
        }

        if (body is not null)
        {
            head.Append("Content-Type: application/json\r\n")
                .Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        else if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            head.Append("Content-Length: 0\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    /// <summary>True when the peer has closed the idle connection (readable with nothing to read) or sent something unasked.</summary>
    private bool PeerClosed()
    {
        try
        {
            return _socket is null || _reader!.HasUnreadBytes || _socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    private void Reconnect()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Close();
        var addresses = IPAddress.TryParse(_host, out var literal) ? [literal] : Dns.GetHostAddresses(_host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            SendTimeout = (int)timeout.TotalMilliseconds,
            ReceiveTimeout = (int)timeout.TotalMilliseconds,
        };
        try
        {
            socket.Connect(addresses, baseUrl.Port);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (baseUrl.Scheme == Uri.UriSchemeHttps)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                try
                {
                    tls.AuthenticateAsClient(new SslClientAuthenticationOptions
                    {
                        TargetHost = _host,
                        ApplicationProtocols = [SslApplicationProtocol.Http11],
                        EnabledSslProtocols = SslProtocols.None,
                        RemoteCertificateValidationCallback = validateCertificate,
                    });
                }
                catch
                {
                    tls.Dispose();
                    throw;
                }

                stream = tls;
            }

            _socket = socket;
            _stream = stream;
            _reader = new BlockingHttpResponseReader(stream);
            Connects++;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Close()
    {
        _stream?.Dispose();
        _socket?.Dispose();
        _stream = null;
        _socket = null;
        _reader = null;
    }
}
