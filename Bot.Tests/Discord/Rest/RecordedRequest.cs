namespace Bot.Tests.Discord.Rest;

/// <summary>One request as the fake server saw it; <see cref="Timestamp"/> is Stopwatch ticks at arrival.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, long Timestamp)
{
    /// <summary>The body as sent (a multipart body with a PNG is not text).</summary>
    public byte[] BodyBytes { get; init; } = [];

    /// <summary>The arrival on the fake server's <see cref="FakeDiscordRest.Clock"/> (a fake clock in the rate-limit tests).</summary>
    public DateTimeOffset ClockAt { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
