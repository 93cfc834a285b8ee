namespace Bot.Tests.Strava.Fakes;

/// <summary>A scripted answer that replaces the fake's normal behaviour for one request.</summary>
internal sealed record FakeStravaAnswer(int Status, string? Body = null, TimeSpan Delay = default)
{
    public static FakeStravaAnswer Fault(int status, string message, string resource, string field, string code) =>
        new(status, $$"""{"message":"{{message}}","errors":[{"resource":"{{resource}}","field":"{{field}}","code":"{{code}}"}]}""");

    public static FakeStravaAnswer TooManyRequests { get; } = Fault(429, "Rate Limit Exceeded", "Application", "rate limit", "exceeded");

    public static FakeStravaAnswer Unauthorized { get; } = Fault(401, "Authorization Error", "Athlete", "access_token", "invalid");

    public static FakeStravaAnswer ServerError { get; } = new(500, """{"message":"error"}""");

    public static FakeStravaAnswer Garbage { get; } = new(200, "<html>not json");
}
