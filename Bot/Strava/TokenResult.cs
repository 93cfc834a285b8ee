using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>An access token to call Strava with, or why there is none.</summary>
internal sealed record TokenResult(StravaStatus Status, string? AccessToken, string? Problem = null, DateTimeOffset? RetryAt = null)
{
    public bool IsOk => Status == StravaStatus.Ok && AccessToken is not null;

    public override string ToString() => $"TokenResult {{ Status = {Status}, Problem = {Problem} }}";
}
