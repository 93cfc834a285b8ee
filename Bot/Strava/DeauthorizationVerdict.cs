namespace Bot.Strava;

/// <summary>What Strava said when asked whether a member really revoked the bot's access.</summary>
internal enum DeauthorizationVerdict
{
    /// <summary>Strava refused the member's token (a 401 on the athlete call, or the refresh token refused).</summary>
    Confirmed,

    /// <summary>The member's token works: the event was not Strava's, or is stale. Nothing is deleted.</summary>
    Refuted,

    /// <summary>No answer yet (rate limit, Strava unreachable): ask again later.</summary>
    Undecided,
}
