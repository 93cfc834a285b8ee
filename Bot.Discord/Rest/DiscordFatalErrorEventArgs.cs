namespace Bot.Discord.Rest;

/// <summary>The REST client stopped for good (401: the bot token is invalid). The host should exit.</summary>
public sealed class DiscordFatalErrorEventArgs(string reason, int httpStatus) : EventArgs
{
    public string Reason { get; } = reason;

    public int HttpStatus { get; } = httpStatus;
}
