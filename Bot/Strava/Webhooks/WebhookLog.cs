namespace Bot.Strava.Webhooks;

/// <summary>The Strava webhook endpoint's log lines (501x). Never the verify token or the path secret.</summary>
internal static partial class WebhookLog
{
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
}
