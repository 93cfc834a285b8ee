namespace Bot.Recaps;

internal static partial class RecapsLog
{
    [LoggerMessage(8300, LogLevel.Information, "Posted the {Kind} of season {Season} week {Week} in guild {GuildId}")]
    public static partial void Posted(ILogger logger, string kind, int season, int week, long guildId);

    [LoggerMessage(8301, LogLevel.Warning, "The {Kind} of season {Season} week {Week} in guild {GuildId} was not posted: {Outcome}")]
    public static partial void NotPosted(ILogger logger, string kind, int season, int week, long guildId, string outcome);

    [LoggerMessage(8302, LogLevel.Information, "Posting the {Kind} for guild {GuildId} failed for now ({Kind2}); retrying in {Seconds} s")]
    public static partial void Retrying(ILogger logger, string kind, long guildId, string kind2, double seconds);

    [LoggerMessage(8303, LogLevel.Error, "The recap of season {Season} week {Week} in guild {GuildId} failed")]
    public static partial void Failed(ILogger logger, long guildId, int season, int week, Exception exception);

    [LoggerMessage(8304, LogLevel.Debug, "The recap for guild {GuildId} is due; it waits for the gateway to describe the guild")]
    public static partial void WaitingForGuild(ILogger logger, long guildId);
}
