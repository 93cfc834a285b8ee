using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>
/// What a sync of one member did: the calls it made and, when it did not finish, why. <paramref name="Foreign"/>: the
/// activity asked for belongs to another athlete, so nothing was stored.
/// </summary>
internal sealed record SyncOutcome(
    StravaStatus Status, int Calls, int Listed = 0, int Written = 0, int Deleted = 0, string? Problem = null, DateTimeOffset? RetryAt = null, bool Foreign = false)
{
    public bool IsOk => Status == StravaStatus.Ok;
}
