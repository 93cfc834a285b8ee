using Bot.Discord.Entities;
using Bot.Discord.Rest;

namespace Bot.Strava;

/// <summary>Sends the note as a Discord direct message through the bot's REST client.</summary>
internal sealed class DiscordMemberNotifier(DiscordRestClient rest, ILogger<DiscordMemberNotifier> logger) : IMemberNotifier
{
    public async Task NotifyAsync(long discordUserId, string message, CancellationToken cancellationToken = default)
    {
        var result = await rest.SendDirectMessageAsync((ulong)discordUserId, new DiscordMessageBuilder().WithContent(message), cancellationToken);
        if (!result.IsSuccess)
        {
            StravaLog.NotifyFailed(logger, discordUserId, result.Message ?? result.Kind.ToString());
        }
    }
}
