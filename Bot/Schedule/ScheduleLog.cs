namespace Bot.Schedule;

internal static partial class ScheduleLog
{
    [LoggerMessage(8000, LogLevel.Error, "Scheduled job {Job} failed; it runs again at the next minute")]
    public static partial void JobFailed(ILogger logger, string job, Exception exception);
}
