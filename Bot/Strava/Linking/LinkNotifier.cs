using Bot.Discord.Entities;
using Bot.Discord.Rest;

namespace Bot.Strava.Linking;

/// <summary>
/// Tells the member in Discord how the link ended, by direct message. A DM (not a follow-up on the
/// /strava_auth interaction) because it needs nothing from the original interaction: no interaction token
/// kept in memory, and it still arrives after a restart between the command and the callback. When the
/// member does not accept DMs, the browser page has already told them; the failure is logged.
/// The browser is not kept waiting for Discord: the message is sent in the background.
/// </summary>
internal sealed class LinkNotifier(DiscordRestClient rest, IHostApplicationLifetime lifetime, ILogger<LinkNotifier> logger)
{
    public Task NotifyAsync(long discordUserId, string text) => SendAsync(discordUserId, text);

    private async Task SendAsync(long discordUserId, string text)
    {
        await Task.Yield();
        try
        {
            var result = await rest.SendDirectMessageAsync((ulong)discordUserId, new DiscordMessageBuilder().WithContent(text), lifetime.ApplicationStopping);
            if (!result.IsSuccess)
            {
                LinkingLog.NotifyFailed(logger, discordUserId, result.Message ?? result.Kind.ToString());
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LinkingLog.NotifyFailed(logger, discordUserId, exception.GetType().Name);
        }
    }
}
