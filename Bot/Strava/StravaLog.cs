namespace Bot.Strava;

/// <summary>Strava's log lines (3xxx). Never a token, a secret or a URL with a query.</summary>
internal static partial class StravaLog
{
    [LoggerMessage(3000, LogLevel.Information, "Strava is off: STRAVA_CLIENT_ID is not set")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(3001, LogLevel.Warning, "Strava calls stopped until {Until:u}: {Reason}")]
    public static partial void GovernorClosed(ILogger logger, DateTimeOffset until, string reason);

    [LoggerMessage(3002, LogLevel.Information, "Strava calls resume (window from {Since:u})")]
    public static partial void GovernorReopened(ILogger logger, DateTimeOffset since);

    [LoggerMessage(3003, LogLevel.Warning, "Strava {Operation} answered something the bot cannot read: {Problem}")]
    public static partial void Garbage(ILogger logger, string operation, string problem);

    [LoggerMessage(3004, LogLevel.Warning, "Strava {Operation} failed: {Problem}")]
    public static partial void CallFailed(ILogger logger, string operation, string problem);

    [LoggerMessage(3010, LogLevel.Information, "Refreshed the Strava token of member {MemberId}")]
    public static partial void TokenRefreshed(ILogger logger, long memberId);

    [LoggerMessage(3011, LogLevel.Warning, "Member {MemberId} needs to link Strava again: {Reason}")]
    public static partial void NeedsRelink(ILogger logger, long memberId, string reason);

    [LoggerMessage(3012, LogLevel.Warning, "Could not tell Discord user {DiscordUserId}: {Problem}")]
    public static partial void NotifyFailed(ILogger logger, long discordUserId, string problem);

    [LoggerMessage(3020, LogLevel.Information, "Synced member {MemberId} from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}: {Listed} listed, {Written} written, {Deleted} deleted, {Calls} calls")]
    public static partial void WindowSynced(ILogger logger, long memberId, DateTime from, DateTime to, int listed, int written, int deleted, int calls);

    [LoggerMessage(3021, LogLevel.Warning, "Sync of member {MemberId} did not finish: {Problem}")]
    public static partial void SyncFailed(ILogger logger, long memberId, string problem);

    [LoggerMessage(3022, LogLevel.Information, "Strava budget is low; the re-check waits until {Until:u}")]
    public static partial void RecheckWaits(ILogger logger, DateTimeOffset until);

    [LoggerMessage(3023, LogLevel.Error, "The Strava sync job failed; it tries again later")]
    public static partial void SyncJobFailed(ILogger logger, Exception exception);

    [LoggerMessage(3024, LogLevel.Warning, "Strava activity {ActivityId} belongs to another athlete than member {MemberId}'s: not stored")]
    public static partial void ForeignActivity(ILogger logger, long activityId, long memberId);

    [LoggerMessage(3030, LogLevel.Information, "Webhook event {EventId} ({ObjectType} {AspectType}): {Result}")]
    public static partial void EventHandled(ILogger logger, long eventId, string objectType, string aspectType, string result);

    [LoggerMessage(3031, LogLevel.Warning, "Webhook event {EventId} failed (attempt {Attempt}), next at {Next:u}: {Problem}")]
    public static partial void EventDeferred(ILogger logger, long eventId, int attempt, DateTime next, string problem);

    [LoggerMessage(3033, LogLevel.Warning, "Webhook event {EventId}: a deauthorization of member {MemberId}, but Strava still accepts their token; nothing deleted (a forged or stale event)")]
    public static partial void DeauthorizationRefuted(ILogger logger, long eventId, long memberId);

    [LoggerMessage(3034, LogLevel.Information, "Deleted {Count} webhook events processed more than {Days} days ago")]
    public static partial void EventsExpired(ILogger logger, int count, int days);

    [LoggerMessage(3032, LogLevel.Error, "The webhook queue processor failed; it tries again shortly")]
    public static partial void QueueFailed(ILogger logger, Exception exception);

    [LoggerMessage(3040, LogLevel.Information, "Strava push subscription: {Result}")]
    public static partial void Subscription(ILogger logger, string result);

    [LoggerMessage(3041, LogLevel.Warning, "Strava push subscription not ensured: {Problem}")]
    public static partial void SubscriptionFailed(ILogger logger, string problem);

    [LoggerMessage(3060, LogLevel.Information,
        "Member {MemberId} left ({Reason}): {FrozenWeeks} closed week(s) frozen; Strava data deleted ({Activities} activities, {Events} webhook events)")]
    public static partial void MemberLeft(ILogger logger, long memberId, string reason, int frozenWeeks, int activities, int events);

    [LoggerMessage(3061, LogLevel.Warning, "Member {MemberId} left; their season {Season} in guild {GuildId} cannot be counted exactly ({Problem}), so no week of it is frozen")]
    public static partial void LeftUncounted(ILogger logger, long memberId, long guildId, int season, string problem);
}
