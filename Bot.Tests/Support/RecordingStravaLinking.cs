using System.Collections.Concurrent;
using Bot.Strava;

namespace Bot.Tests.Support;

/// <summary>The account side as a test double: records every call and answers what the test set.</summary>
internal sealed class RecordingStravaLinking : IStravaLinking
{
    public ConcurrentQueue<(long User, long Guild, string Code, string Scopes)> Links { get; } = new();

    public ConcurrentQueue<long> Unlinks { get; } = new();

    public ConcurrentQueue<(long User, string Scopes)> NarrowScopes { get; } = new();

    public int Calls => Links.Count + Unlinks.Count;

    public LinkOutcome LinkAnswer { get; set; } = new(true, "Anna Tester", 1, null);

    public UnlinkOutcome UnlinkAnswer { get; set; } = UnlinkOutcome.Unlinked;

    public Task<LinkOutcome> CompleteLinkAsync(long discordUserId, long guildId, string code, string grantedScopes, CancellationToken cancellationToken)
    {
        Links.Enqueue((discordUserId, guildId, code, grantedScopes));
        return Task.FromResult(LinkAnswer);
    }

    public Task RecordNarrowScopeAsync(long discordUserId, string grantedScopes, CancellationToken cancellationToken)
    {
        NarrowScopes.Enqueue((discordUserId, grantedScopes));
        return Task.CompletedTask;
    }

    public Task<UnlinkOutcome> UnlinkAsync(long discordUserId, CancellationToken cancellationToken)
    {
        Unlinks.Enqueue(discordUserId);
        return Task.FromResult(UnlinkAnswer);
    }

    public void Clear()
    {
        Links.Clear();
        Unlinks.Clear();
        NarrowScopes.Clear();
    }
}
