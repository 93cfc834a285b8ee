namespace Bot.Standings;

/// <summary>Log lines of the standings (7xxx): recomputes of closed weeks.</summary>
internal static partial class StandingsLog
{
    [LoggerMessage(7000, LogLevel.Information,
        "Closed week {Season}-W{Week} of member {MemberId} in guild {GuildId} recomputed ({Reason}): {OldStatus} {OldAmount} -> {NewStatus} {NewAmount}")]
    public static partial void ClosedWeekRecomputed(
        ILogger logger, long guildId, int season, int week, long memberId, string reason, string oldStatus, decimal oldAmount, string newStatus, decimal newAmount);

    [LoggerMessage(7001, LogLevel.Warning, "Could not compare closed weeks of member {MemberId} around a change ({Reason}); the change itself was made")]
    public static partial void RecomputeNotRecorded(ILogger logger, Exception exception, long memberId, string reason);
}
