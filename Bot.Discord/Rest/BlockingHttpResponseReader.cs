using System.Globalization;
using System.Text;

namespace Bot.Discord.Rest;

/// <summary>
/// Reads HTTP/1.1 responses from one connection's stream with blocking reads: the status line, the headers, and the
/// body by Content-Length, chunked, or until close (bounded in size). 1xx interim answers are skipped.
/// </summary>
internal sealed class BlockingHttpResponseReader(Stream stream)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>Bytes read and not yet consumed: on an idle connection, something the server sent unasked.</summary>
    public bool HasUnreadBytes => _start != _end;

    /// <summary>True once the status line of the answer being read has arrived.</summary>
    public bool AnswerStarted { get; private set; }

    /// <summary>Reads one whole response; <paramref name="closed"/> when the server will close the connection after it.</summary>
    public BlockingHttpResponse Read(out bool closed)
    {
        AnswerStarted = false;
        var statusLine = ReadLine();
        AnswerStarted = true;
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
            return Read(out closed);
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
        _end = stream.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }
}
