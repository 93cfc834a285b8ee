namespace Bot.Tests.Strava.Fakes;

/// <summary>One request the fake Strava saw: method, path, query and form fields, the bearer token, and when (fake server's clock).</summary>
internal sealed record FakeStravaCall(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Form,
    string? BearerToken,
    DateTimeOffset At)
{
    public string? QueryValue(string name) => Query.GetValueOrDefault(name);

    public string? FormValue(string name) => Form.GetValueOrDefault(name);

    public bool IsApi => Path.StartsWith("/api/v3/", StringComparison.Ordinal);
}
