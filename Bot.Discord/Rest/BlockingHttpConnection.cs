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
/// GET are all it sends; bodies come back by Content-Length, chunked, or until close.
/// </summary>
internal sealed class BlockingHttpConnection(Uri baseUrl, string userAgent, TimeSpan timeout, RemoteCertificateValidationCallback? validateCertificate = null) : IDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    private readonly string _host = baseUrl.IdnHost;
    private readonly string _hostHeader = baseUrl.IsDefaultPort ? baseUrl.IdnHost : $"{baseUrl.IdnHost}:{baseUrl.Port.ToString(CultureInfo.InvariantCulture)}";
    private readonly byte[] _buffer = new byte[16 * 1024];
    private Socket? _socket;
    private Stream? _stream;
    private int _start;
    private int _end;
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
        try
        {
            var stream = _stream!;
            stream.Write(head);
            if (body is { Length: > 0 })
            {
                stream.Write(body);
            }

            stream.Flush();
            var response = ReadResponse(out var closed);
            if (closed)
            {
                Close();
            }

            return response;
        }
        catch
        {
            // Half a request or half an answer leaves the connection unusable.
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

    private BlockingHttpResponse ReadResponse(out bool closed)
    {
        var statusLine = ReadLine();
        _answerStarted = true;
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new IOException("the server did not answer with an HTTP/1.x status line");
        }

        var headers = new List<KeyValuePair<string, string>>();
        var headerBytes = 0;
        long? contentLength = null;
        var chunked = false;
        closed = parts[0] == "HTTP/1.0";
        for (var line = ReadLine(); line.Length > 0; line = ReadLine())
        {
            headerBytes += line.Length;
            if (headerBytes > MaxHeaderBytes)
            {
                throw new IOException("the response headers are too large");
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers.Add(new(name, value));
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                contentLength = length;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                closed = value.Contains("close", StringComparison.OrdinalIgnoreCase) || (closed && !value.Contains("keep-alive", StringComparison.OrdinalIgnoreCase));
            }
        }

        if (status is 100 or 103)
        {
            return ReadResponse(out closed);
        }

        byte[] content;
        if (status is 204 or 304 || (status >= 100 && status < 200))
        {
            content = [];
        }
        else if (chunked)
        {
            content = ReadChunked();
        }
        else if (contentLength is { } length)
        {
            content = length > MaxBodyBytes ? throw new IOException("the response body is too large") : ReadExactly((int)length);
        }
        else
        {
            content = ReadToEnd();
            closed = true;
        }

        return new BlockingHttpResponse(status, headers, content);
    }

    private byte[] ReadChunked()
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = ReadLine();
            var semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
            var sizeText = (semicolon >= 0 ? sizeLine[..semicolon] : sizeLine).Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 || body.Length + size > MaxBodyBytes)
            {
                throw new IOException("a malformed chunk in the response");
            }

            if (size == 0)
            {
                while (ReadLine().Length > 0)
                {
                    // trailers are ignored
                }

                return body.ToArray();
            }

            body.Write(ReadExactly(size));
            ReadLine();
        }
    }

    private byte[] ReadExactly(int count)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !Fill())
            {
                throw new IOException("the connection closed inside the response body");
            }

            var take = Math.Min(count - filled, _end - _start);
            Buffer.BlockCopy(_buffer, _start, result, filled, take);
            _start += take;
            filled += take;
        }

        return result;
    }

    private byte[] ReadToEnd()
    {
        using var body = new MemoryStream();
        do
        {
            body.Write(_buffer, _start, _end - _start);
            _start = _end;
            if (body.Length > MaxBodyBytes)
            {
                throw new IOException("the response body is too large");
            }
        }
        while (Fill());

        return body.ToArray();
    }

    private string ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !Fill())
            {
                throw new IOException("the connection closed before the response was complete");
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Append(Encoding.Latin1.GetString(_buffer, _start, stop - _start));
            if (line.Length > MaxHeaderBytes)
            {
                throw new IOException("a response line is too long");
            }

            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                return line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
            }
        }
    }

    private bool Fill()
    {
        _start = 0;
        _end = _stream!.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    /// <summary>True when the peer has closed the idle connection (readable with nothing to read) or sent something unasked.</summary>
    private bool PeerClosed()
    {
        try
        {
            return _socket is null || _start != _end || _socket.Poll(0, SelectMode.SelectRead);
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
            _start = _end = 0;
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
        _start = _end = 0;
    }
}

/// <summary>A response read by <see cref="BlockingHttpConnection"/>.</summary>
internal sealed record BlockingHttpResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Content)
{
    public HttpResponseMessage ToMessage()
    {
        var message = new HttpResponseMessage((HttpStatusCode)Status) { Content = new ByteArrayContent(Content) };
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
