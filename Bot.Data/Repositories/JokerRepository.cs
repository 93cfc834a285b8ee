using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

public sealed class JokerRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>
    /// Spends a joker on <paramref name="week"/>, or refunds it if one is already there, in one write
    /// transaction: two concurrent toggles can never both spend the last joker. Whether the week may be
    /// toggled at all is the caller's rule.
    /// </summary>
    public Task<JokerToggleResult> ToggleAsync(long participationId, int week, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var participation = await context.Participations.SingleOrDefaultAsync(p => p.Id == participationId, ct)
                ?? throw new InvalidOperationException($"Participation {participationId} does not exist.");
            var jokerWeek = await context.JokerWeeks.FindAsync([participationId, week], ct);
            if (jokerWeek is not null)
            {
                context.JokerWeeks.Remove(jokerWeek);
                participation.JokersLeft++;
                return new JokerToggleResult(JokerToggleOutcome.Refunded, participation.JokersLeft);
            }

            if (participation.JokersLeft <= 0)
            {
                return new JokerToggleResult(JokerToggleOutcome.NoneLeft, participation.JokersLeft);
            }

            context.JokerWeeks.Add(new JokerWeek
            {
                ParticipationId = participationId,
                Week = week,
                CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            });
            participation.JokersLeft--;
            return new JokerToggleResult(JokerToggleOutcome.Spent, participation.JokersLeft);
        }, cancellationToken);

    /// <summary>The weeks the participation spent a joker on, ascending.</summary>
    public async Task<IReadOnlyList<int>> ListWeeksAsync(long participationId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.JokerWeeks.AsNoTracking()
                .Where(j => j.ParticipationId == participationId)
                .OrderBy(j => j.Week)
                .Select(j => j.Week)
                .ToListAsync(cancellationToken);
        }
    }
}
