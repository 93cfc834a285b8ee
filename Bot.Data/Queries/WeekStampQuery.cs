using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Queries;

/// <summary>
/// What a week's results of a challenge depend on besides the rules, read cheaply (the activities index, a few rows):
/// per member, how many activities the week holds and when the latest was stored; the jokers and the consents. Equal
/// stamps mean equal results, so a job that watches the week tallies only when the stamp changes.
/// </summary>
public sealed class WeekStampQuery(IDbContextFactory<ChallengeDbContext> contextFactory)
{
    public async Task<WeekStamp> ReadAsync(long challengeId, int week, DateTime fromLocalInclusive, DateTime toLocalExclusive, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var members = context.Participations.Where(p => p.ChallengeId == challengeId).Select(p => p.MemberId);
        var activities = await context.Activities.AsNoTracking()
            .Where(a => members.Contains(a.MemberId) && a.StartLocal >= fromLocalInclusive && a.StartLocal < toLocalExclusive)
            .GroupBy(a => a.MemberId)
            .Select(g => new { MemberId = g.Key, Count = g.Count(), Latest = g.Max(a => a.UpdatedAtUtc) })
            .ToListAsync(cancellationToken);
        var jokers = await context.JokerWeeks.CountAsync(j => j.Participation.ChallengeId == challengeId && j.Week == week, cancellationToken);
        var consents = await context.Participations.CountAsync(p => p.ChallengeId == challengeId && p.ConsentToReports, cancellationToken);
        return new WeekStamp(
            activities.ToDictionary(a => a.MemberId, a => new MemberWeekStamp(a.Count, DateTime.SpecifyKind(a.Latest, DateTimeKind.Utc))),
            jokers,
            consents);
    }
}
