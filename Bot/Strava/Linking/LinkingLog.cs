namespace Bot.Strava.Linking;

/// <summary>The Strava linking pages' log lines (500x). Never a token, code or state.</summary>
internal static partial class LinkingLog
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
}
