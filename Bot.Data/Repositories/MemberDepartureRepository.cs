using Bot.Data.Entities;
using Bot.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>
/// A member leaving (/unlink, a confirmed deauthorization): in one transaction their Strava data goes — tokens, scopes,
/// athlete id, profile picture, activities with titles and routes, sync state, the webhook events Strava sent about
/// them — and the computed results of their closed weeks stay, frozen, so every season's pot still shows what they
/// owed. The member row keeps the Discord id and the display name (app data: the ledger names who owed what).
/// </summary>
public sealed class MemberDepartureRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>
    /// Freezes <paramref name="weeks"/> (closed weeks of the member's participations, as the bot computes them now) and
    /// deletes the member's Strava data; a participation frozen earlier keeps its rows. A member without any
    /// participation has nothing to keep and is deleted whole. Null (nothing changed) when there is no such member or
    /// they have left already.
    /// </summary>
    public Task<DepartureOutcome?> LeaveAsync(long memberId, IReadOnlyList<FrozenWeekRow> weeks, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var member = await context.Members.Include(m => m.Participations).SingleOrDefaultAsync(m => m.Id == memberId, ct);
            if (member is null || member.LeftAtUtc is not null)
            {
                return null;
            }

            var participations = member.Participations.ToDictionary(p => p.Id);
            if (weeks.FirstOrDefault(w => !participations.ContainsKey(w.ParticipationId)) is { } foreign)
            {
                throw new ArgumentException($"participation {foreign.ParticipationId} is not one of member {memberId}'s", nameof(weeks));
            }

            var activities = await context.Activities.Where(a => a.MemberId == memberId).ExecuteDeleteAsync(ct);
            await context.StravaSyncStates.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(ct);
            var events = member.StravaAthleteId is { } athlete
                ? await context.WebhookEvents.Where(e => e.OwnerId == athlete).ExecuteDeleteAsync(ct)
                : 0;
            if (participations.Count == 0)
            {
                context.Members.Remove(member);
                return new DepartureOutcome(0, activities, events);
            }

            var now = timeProvider.GetUtcNow().UtcDateTime;
            var frozen = 0;
            foreach (var participation in participations.Values.Where(p => p.FrozenAtUtc is null))
            {
                participation.FrozenAtUtc = now;
                foreach (var week in weeks.Where(w => w.ParticipationId == participation.Id))
                {
                    context.FrozenWeekResults.Add(new FrozenWeekResult
                    {
                        ParticipationId = participation.Id,
                        Week = week.Week,
                        Points = week.Points,
                        Status = week.Status,
                        Streak = week.Streak,
                        Amount = week.Amount,
                    });
                    frozen++;
                }
            }

            member.StravaAthleteId = null;
            member.AccessToken = null;
            member.RefreshToken = null;
            member.TokenExpiresAtUtc = null;
            member.Scopes = null;
            member.ProfileMediumUrl = null;
            member.NoDataSinceUtc = null;
            member.LinkState = LinkState.Unlinked;
            member.LeftAtUtc = now;
            member.UpdatedAtUtc = now;
            return new DepartureOutcome(frozen, activities, events);
        }, cancellationToken);
}
