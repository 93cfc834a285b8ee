using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>The record of closed weeks whose debt the bot recomputed: written once per change, read by admins.</summary>
public sealed class WeekRecomputeRepository(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    /// <summary>Stores the changes in one transaction; rows of a member or season deleted meanwhile are dropped.</summary>
    public Task<int> AddAsync(IReadOnlyList<WeekRecompute> changes, CancellationToken cancellationToken = default) =>
        changes.Count == 0
            ? Task.FromResult(0)
            : WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
            {
                var memberIds = changes.Select(c => c.MemberId).Distinct().ToList();
                var present = await context.Members.Where(m => memberIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
                var kept = changes.Where(c => present.Contains(c.MemberId)).ToList();
                context.WeekRecomputes.AddRange(kept);
                return kept.Count;
            }, cancellationToken);

    /// <summary>The challenge's recomputes, newest first.</summary>
    public async Task<IReadOnlyList<WeekRecompute>> ListAsync(long challengeId, int limit = 100, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.WeekRecomputes.AsNoTracking()
                .Where(r => r.ChallengeId == challengeId)
                .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id)
                .Take(limit)
                .ToListAsync(cancellationToken);
        }
    }
}
