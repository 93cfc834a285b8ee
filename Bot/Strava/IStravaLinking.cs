namespace Bot.Strava;

/// <summary>
/// The account side of Strava that the web callback and the linking commands use. Implemented over the
/// Strava client (token exchange, deauthorize) and the store; the web layer never calls Strava itself.
/// </summary>
public interface IStravaLinking
{
    /// <summary>
    /// Exchanges an authorization code (exactly once), stores the tokens and granted scopes in one transaction,
    /// joins the member to the guild's current challenge and queues the back-fill of the season.
    /// The caller has already checked the state and the scopes.
    /// </summary>
    Task<LinkOutcome> CompleteLinkAsync(long discordUserId, long guildId, string code, string grantedScopes, CancellationToken cancellationToken);

    /// <summary>
    /// Stores that the Discord user's authorization lacked activity access ("insufficient scope"), with no call to
    /// Strava. A working link is left as it is; otherwise the user's member is marked <c>NarrowScope</c>.
    /// </summary>
    Task RecordNarrowScopeAsync(long discordUserId, string grantedScopes, CancellationToken cancellationToken);

    /// <summary>
    /// Calls Strava's deauthorize, then, even when Strava answers 401, deletes every piece of the member's Strava data
    /// (tokens, scopes, athlete id, activities with titles and routes, sync state, queued webhook events). Their
    /// computed results of closed weeks stay in the ledger, frozen, and the channel shows them as "left on DATE".
    /// </summary>
    Task<UnlinkOutcome> UnlinkAsync(long discordUserId, CancellationToken cancellationToken);
}

/// <summary>What a completed link did, for the answer in the browser and in Discord.</summary>
/// <param name="Succeeded">False when Strava refused the code or answered garbage; <paramref name="Problem"/> says why.</param>
public sealed record LinkOutcome(bool Succeeded, string AthleteName, long ChallengeId, string? Problem);

public enum UnlinkOutcome
{
    Unlinked,
    WasNotLinked,
}
