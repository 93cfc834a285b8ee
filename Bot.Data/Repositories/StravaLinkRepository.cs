using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>Members' Strava links: tokens and link state (where their sync stands: <see cref="StravaSyncRepository"/>). Every write is one transaction.</summary>
public sealed class StravaLinkRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    public async Task<MemberTokens?> GetTokensAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Members.AsNoTracking().Where(m => m.Id == memberId)
                .Select(m => new MemberTokens(m.Id, m.DiscordUserId, m.StravaAthleteId, m.AccessToken, m.RefreshToken, m.TokenExpiresAtUtc, m.LinkState))
                .SingleOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>Whether the member left (/unlink, deauthorization): nothing from Strava is stored for them any more.</summary>
    public async Task<bool> HasLeftAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Members.AnyAsync(m => m.Id == memberId && m.LeftAtUtc != null, cancellationToken);
        }
    }

    /// <summary>
    /// Stores a refresh's access token, rotated refresh token and expiry together. False (nothing written) when
    /// the member is gone, no longer linked, or holds another refresh token than the one the refresh used.
    /// </summary>
    public Task<bool> SaveRefreshedTokensAsync(
        long memberId, string usedRefreshToken, string accessToken, string refreshToken, DateTime expiresAtUtc,
        CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var member = await context.Members.SingleOrDefaultAsync(m => m.Id == memberId, ct);
            if (member is null || member.LinkState != LinkState.Linked || member.RefreshToken != usedRefreshToken)
            {
                return false;
            }

            member.AccessToken = accessToken;
            member.RefreshToken = refreshToken;
            member.TokenExpiresAtUtc = expiresAtUtc;
            member.UpdatedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
            return true;
        }, cancellationToken);

    /// <summary>Marks the member as needing a new link. True only for the call that changed it, so they are told once.</summary>
    public Task<bool> MarkNeedsRelinkAsync(long memberId, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var member = await context.Members.SingleOrDefaultAsync(m => m.Id == memberId, ct);
            if (member is null || member.LinkState != LinkState.Linked)
            {
                return false;
            }

            var now = timeProvider.GetUtcNow().UtcDateTime;
            member.LinkState = LinkState.NeedsRelink;
            member.NoDataSinceUtc ??= now;
            member.UpdatedAtUtc = now;
            return true;
        }, cancellationToken);

    /// <summary>
    /// Stores an authorization without activity access for the Discord user: their member (created when they have
    /// none yet) is marked <see cref="LinkState.NarrowScope"/> with the granted scopes. A working link is left alone.
    /// </summary>
    public Task<bool> RecordNarrowScopeAsync(long discordUserId, string grantedScopes, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var member = await context.Members.SingleOrDefaultAsync(m => m.DiscordUserId == discordUserId, ct);
            if (member is { LinkState: LinkState.Linked })
            {
                return false;
            }

            if (member is null)
            {
                member = new Member { DiscordUserId = discordUserId, FirstName = "", LastName = "", LinkState = LinkState.NarrowScope, CreatedAtUtc = now, UpdatedAtUtc = now };
                context.Members.Add(member);
            }

            member.LinkState = LinkState.NarrowScope;
            member.Scopes = grantedScopes;
            member.UpdatedAtUtc = now;
            return true;
        }, cancellationToken);

    /// <summary>
    /// Stores the link on the member with this athlete id (a re-link, or a member imported from the old bot),
    /// else on the Discord user's member (also one who left), else on a new one; and marks the season back-fill as due.
    /// </summary>
    public Task<StravaLinkResult> LinkAsync(StravaLinkRequest link, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var byAthlete = await context.Members.SingleOrDefaultAsync(m => m.StravaAthleteId == link.AthleteId, ct);
            var byDiscord = await context.Members.SingleOrDefaultAsync(m => m.DiscordUserId == link.DiscordUserId, ct);
            if (byAthlete is not null && byAthlete.DiscordUserId is { } owner && owner != link.DiscordUserId)
            {
                return new StravaLinkResult(0, "this Strava account is already linked to another Discord user");
            }

            if (byAthlete is not null && byDiscord is not null && byAthlete.Id != byDiscord.Id)
            {
                return new StravaLinkResult(0, byDiscord.StravaAthleteId is null
                    ? "this Strava account belongs to a member imported from the old bot while your Discord account has its own record; an admin must remove one of them first"
                    : "your Discord account is linked to another Strava account; use /unlink first");
            }

            if (byAthlete is null && byDiscord?.StravaAthleteId is { } other && other != link.AthleteId)
            {
                return new StravaLinkResult(0, "your Discord account is linked to another Strava account; use /unlink first");
            }

            var member = byAthlete ?? byDiscord;
            if (member is null)
            {
                member = new Member
                {
                    FirstName = link.FirstName,
                    LastName = link.LastName,
                    LinkState = LinkState.Linked,
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                };
                context.Members.Add(member);
            }

            member.DiscordUserId = link.DiscordUserId;
            member.StravaAthleteId = link.AthleteId;
            member.FirstName = link.FirstName;
            member.LastName = link.LastName;
            member.ProfileMediumUrl = link.ProfileMediumUrl;
            member.AccessToken = link.AccessToken;
            member.RefreshToken = link.RefreshToken;
            member.TokenExpiresAtUtc = link.ExpiresAtUtc;
            member.Scopes = link.Scopes;
            member.LinkState = LinkState.Linked;
            member.UpdatedAtUtc = now;

            // Back after leaving: their frozen weeks stay until the back-fill of a season brings its activities in again.
            member.LeftAtUtc = null;
            await context.SaveChangesAsync(ct);

            var sync = await context.StravaSyncStates.SingleOrDefaultAsync(s => s.MemberId == member.Id, ct);
            if (sync is null)
            {
                context.StravaSyncStates.Add(new StravaSyncState { MemberId = member.Id });
            }
            else
            {
                sync.LastBackfillAtUtc = null;
            }

            return new StravaLinkResult(member.Id, null);
        }, cancellationToken);
}
