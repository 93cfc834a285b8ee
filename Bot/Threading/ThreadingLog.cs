namespace Bot.Threading;

internal static partial class ThreadingLog
{
    [LoggerMessage(2800, LogLevel.Warning, "CPU work queue full ({Limit} queued or running): refusing work, the user is told the bot is busy; {Refused} refused since the last warning")]
    public static partial void QueueFull(ILogger logger, int limit, long refused);
}
