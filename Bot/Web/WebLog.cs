namespace Bot.Web;

/// <summary>The shared web host's log lines (5020, 509x).</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Health check: the database is not reachable ({Problem})")]
    public static partial void DatabaseUnreachable(ILogger logger, string problem);

    [LoggerMessage(EventId = 5090, Level = LogLevel.Error, Message = "Web request {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string path, Exception exception);
}
