
namespace Bot.Strava.Linking;

/// <summary>The fallback when no Strava client is registered: every call answers that Strava is not configured.</summary>
internal sealed class UnconfiguredStravaLinking : IStravaLinking
{
    public const string NotConfigured = "Strava is not configured on this bot (STRAVA_CLIENT_ID is not set).";

    public Task<LinkOutcome> CompleteLinkAsync(long discordUserId, long guildId, string code, string grantedScopes, CancellationToken cancellationToken) =>
        Task.FromResult(new LinkOutcome(false, "", 0, NotConfigured));

    public Task RecordNarrowScopeAsync(long discordUserId, string grantedScopes, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<UnlinkOutcome> UnlinkAsync(long discordUserId, CancellationToken cancellationToken) =>
        Task.FromResult(UnlinkOutcome.WasNotLinked);
}
