namespace Bot.Tests.Discord.Gateway;

/// <summary>An HTTP request the fake Discord received besides the gateway ones.</summary>
internal sealed record FakeRestRequest(string Method, string Path, string Head, string Body, long Timestamp)
{
    /// <summary>The body as sent (a multipart body with a PNG is not text).</summary>
    public byte[] BodyBytes { get; init; } = [];

    /// <summary>
    /// Whether the request answers the interaction with this token: the token is one whole segment of the path
    /// (<c>/interactions/{id}/{token}/callback</c>, <c>/webhooks/{app}/{token}/…</c>), so "t-1" never matches "t-10".
    /// </summary>
    public bool IsFor(string token) => Path.Split('/').Contains(token, StringComparer.Ordinal);

    /// <summary>A request header's value, or null.</summary>
    public string? Header(string name) =>
        Head.Split("\r\n").Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();
}
