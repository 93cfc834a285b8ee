namespace Bot.Web;

/// <summary>The web endpoints' log lines (5xxx). Never a token, code, state or verify token.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Strava callback refused: state {Problem}")]
    public static partial void StateRefused(ILogger logger, StateProblem problem);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Strava callback: Discord user {UserId} declined the authorization")]
    public static partial void AccessDenied(ILogger logger, long userId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Strava callback: Discord user {UserId} granted too narrow a scope ({Scopes}); asked to authorize again")]
    public static partial void InsufficientScope(ILogger logger, long userId, string scopes);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Strava link completed for Discord user {UserId} in guild {GuildId}")]
    public static partial void Linked(ILogger logger, long userId, long guildId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Strava link failed for Discord user {UserId}: {Problem}")]
    public static partial void LinkFailed(ILogger logger, long userId, string problem);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Could not tell Discord user {UserId} about the Strava link in a DM: {Problem}")]
    public static partial void NotifyFailed(ILogger logger, long userId, string problem);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Strava connect page refused: state {Problem}")]
    public static partial void ConnectRefused(ILogger logger, StateProblem problem);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Strava webhook handshake refused: {Reason}")]
    public static partial void HandshakeRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Strava webhook subscription handshake answered")]
    public static partial void HandshakeAnswered(ILogger logger);

    // Debug: strangers can send these by the thousand; the dropped-events counter is where they show.
    [LoggerMessage(EventId = 5012, Level = LogLevel.Debug, Message = "Strava webhook event dropped ({Reason}): {Problem}")]
    public static partial void EventDropped(ILogger logger, WebhookDropReason reason, string problem);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Debug, Message = "Strava webhook event {EventId} queued: {ObjectType} {AspectType} for owner {OwnerId}")]
    public static partial void EventQueued(ILogger logger, long eventId, string objectType, string aspectType, long ownerId);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Error, Message = "Strava webhook event queued, but waking the processor failed")]
    public static partial void SignalFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Health check: the database is not reachable ({Problem})")]
    public static partial void DatabaseUnreachable(ILogger logger, string problem);

    [LoggerMessage(EventId = 5090, Level = LogLevel.Error, Message = "Web request {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string path, Exception exception);
}
