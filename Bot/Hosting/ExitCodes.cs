namespace Bot.Hosting;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>Discord refused the settings (bad token, disallowed intents); see <see cref="Bot.Discord.DiscordClientOptions.FatalExitCode"/>.</summary>
    public const int DiscordRefused = Bot.Discord.DiscordClientOptions.FatalExitCode;
}
