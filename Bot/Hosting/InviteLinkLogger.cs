using Bot.Discord;

namespace Bot.Hosting;

/// <summary>On the first READY, says once where to add the bot to a server; resumes and new sessions say nothing more.</summary>
internal sealed partial class InviteLinkLogger(DiscordApplication discord, ILogger<InviteLinkLogger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Ready completes once per process, with the application id from the first READY.
            var ready = await discord.Ready.WaitAsync(stoppingToken);
            var inviteUrl = InviteLink.For(ready.ApplicationId);
            LogInvite(logger, inviteUrl);
        }
        catch (OperationCanceledException)
        {
            // Stopped before Discord answered: nothing to invite to yet.
        }
    }

    [LoggerMessage(EventId = 1970, Level = LogLevel.Information, Message = "Add the bot to a server (as someone with Manage Server there): {InviteUrl}")]
    private static partial void LogInvite(ILogger logger, string inviteUrl);
}
