namespace Bot.Tests.Discord.Rest;

/// <summary>One request as the fake server saw it; <see cref="Timestamp"/> is Stopwatch ticks at arrival.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, long Timestamp)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
