namespace Bot.Strava.Api;

/// <summary>What became of a call to Strava. Everything but <see cref="Ok"/> is a failure the caller handles.</summary>
public enum StravaStatus
{
    Ok,

    /// <summary>The governor holds calls back, or Strava answered 429; nothing to do until the window opens.</summary>
    RateLimited,

    /// <summary>401: the access token was refused.</summary>
    Unauthorized,

    /// <summary>The refresh token or authorization code was refused (400 invalid): only a new link helps.</summary>
    InvalidGrant,

    /// <summary>The member's link cannot be used any more (needs a new link, or none).</summary>
    NeedsRelink,

    NotFound,

    /// <summary>Another 4xx: the request was wrong; retrying will not help.</summary>
    Rejected,

    /// <summary>Strava answered 2xx with a body the bot cannot read.</summary>
    Garbage,

    /// <summary>5xx, a timeout or a network failure after the resilience handler's retries.</summary>
    Unavailable,
}
