namespace Bot.Nudges;

internal static partial class NudgesLog
{
    [LoggerMessage(8500, LogLevel.Information, "Reminder for {UserId} in {GuildId}, week {Week}: {Outcome}")]
    public static partial void Reminded(ILogger logger, long userId, long guildId, int week, string outcome);

    [LoggerMessage(8501, LogLevel.Warning, "Reminder for {UserId} in {GuildId} not sent: {Reason}")]
    public static partial void ReminderFailed(ILogger logger, long userId, long guildId, string reason);

    [LoggerMessage(8502, LogLevel.Information, "Milestones in {GuildId}, week {Week}: {Count} member(s), {Outcome}")]
    public static partial void MilestonesPosted(ILogger logger, long guildId, int week, int count, string outcome);
}
