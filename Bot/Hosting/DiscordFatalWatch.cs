using Bot.Discord.Rest;

namespace Bot.Hosting;

/// <summary>A 401 from Discord's REST API means the token is wrong: say so once and stop, never retry.</summary>
internal sealed partial class DiscordFatalWatch(DiscordRestClient rest, IHostApplicationLifetime lifetime, ILogger<DiscordFatalWatch> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        rest.Fatal += OnFatal;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        rest.Fatal -= OnFatal;
        return Task.CompletedTask;
    }

    private void OnFatal(object? sender, DiscordFatalErrorEventArgs e)
    {
        LogFatal(logger);
        Environment.ExitCode = Bot.Discord.DiscordClientOptions.FatalExitCode;
        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 1900, Level = LogLevel.Critical, Message = "Discord rejected the bot token (401); check DISCORD_TOKEN. Stopping.")]
    private static partial void LogFatal(ILogger logger);
}
