using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>
/// The bot's own posts, claimed before they are sent. A claim is one row per server, kind, week and subject, so
/// whatever restarts or races in between, each post is sent at most once.
/// </summary>
public sealed class PostRecordRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>Claims a post; false when it was claimed before (sent, being sent, or failed).</summary>
    public Task<bool> TryClaimAsync(PostKey key, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var taken = await context.PostRecords.AnyAsync(
                p => p.GuildId == key.GuildId && p.Kind == key.Kind && p.SeasonYear == key.SeasonYear
                    && p.Week == key.Week && p.DiscordUserId == key.DiscordUserId, ct);
            if (taken)
            {
                return false;
            }

            context.PostRecords.Add(new PostRecord
            {
                GuildId = key.GuildId,
                Kind = key.Kind,
                SeasonYear = key.SeasonYear,
                Week = key.Week,
                DiscordUserId = key.DiscordUserId,
                ClaimedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            });
            return true;
        }, cancellationToken);

    /// <summary>Records what became of a claimed post: sent (with <paramref name="sent"/>) or why not.</summary>
    public Task RecordOutcomeAsync(PostKey key, bool sent, string outcome, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var record = await context.PostRecords.SingleAsync(
                p => p.GuildId == key.GuildId && p.Kind == key.Kind && p.SeasonYear == key.SeasonYear
                    && p.Week == key.Week && p.DiscordUserId == key.DiscordUserId, ct);
            record.SentAtUtc = sent ? timeProvider.GetUtcNow().UtcDateTime : null;
            record.Outcome = outcome.Length <= 300 ? outcome : outcome[..300];
            return true;
        }, cancellationToken);

    public async Task<PostRecord?> FindAsync(PostKey key, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.PostRecords.AsNoTracking().SingleOrDefaultAsync(
            p => p.GuildId == key.GuildId && p.Kind == key.Kind && p.SeasonYear == key.SeasonYear
                && p.Week == key.Week && p.DiscordUserId == key.DiscordUserId, cancellationToken);
    }
}
