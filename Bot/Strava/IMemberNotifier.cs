namespace Bot.Strava;

/// <summary>Tells a member something privately (a Discord DM). Failures are logged, never thrown.</summary>
public interface IMemberNotifier
{
    Task NotifyAsync(long discordUserId, string message, CancellationToken cancellationToken = default);
}
