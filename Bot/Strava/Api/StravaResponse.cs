namespace Bot.Strava.Api;

/// <summary>A Strava answer: the value on success, else why not (<see cref="Problem"/> is safe to log and never holds a token).</summary>
public sealed record StravaResponse<T>(StravaStatus Status, T? Value, string? Problem = null, DateTimeOffset? RetryAt = null)
{
    public bool IsOk => Status == StravaStatus.Ok;

    public StravaResponse<TOther> As<TOther>() => new(Status, default, Problem, RetryAt);
}
