using Bot.Data.Queries;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Standings;

namespace Bot.Strava;

/// <summary>
/// A member leaves (/unlink, or a deauthorization Strava confirmed): every piece of their Strava data is deleted, and
/// the computed results of their closed weeks (points, status, streak, amount per season and week) are kept, frozen,
/// so each season's pot still shows what they owed. Both happen in one transaction, while no write of their
/// activities can run (a webhook or sync finishing afterwards finds them gone and stores nothing).
/// </summary>
internal sealed class MemberDeparture(
    ChallengeRepository challenges,
    SeasonPipeline pipeline,
    MemberDepartureRepository departures,
    ActivityWriter writer,
    ILogger<MemberDeparture> logger)
{

    /// <summary>False when there is no such member or they have left already (nothing changed).</summary>
    public Task<bool> LeaveAsync(long memberId, string reason, CancellationToken cancellationToken) =>
        writer.ExclusiveAsync(memberId, async ct =>
        {
            var weeks = new List<FrozenWeekRow>();
            foreach (var challenge in await challenges.ListForMemberAsync(memberId, ct))
            {
                weeks.AddRange(await ClosedWeeksAsync(challenge, memberId, ct));
            }

            if (await departures.LeaveAsync(memberId, weeks, ct) is not { } outcome)
            {
                return false;
            }

            StravaLog.MemberLeft(logger, memberId, reason, outcome.FrozenWeeks, outcome.DeletedActivities, outcome.DeletedEvents);
            return true;
        }, cancellationToken);

    // The member's closed weeks of one season exactly as /week and /total show them today.
    private async Task<IEnumerable<FrozenWeekRow>> ClosedWeeksAsync(ChallengeRow challenge, long memberId, CancellationToken cancellationToken)
    {
        var today = pipeline.Today(challenge);
        var (loaded, tally) = await pipeline.TallyWhenFreeAsync(challenge, today, m => m.MemberId == memberId, cancellationToken);
        if (loaded.Members.Count == 0)
        {
            return [];
        }

        var standing = tally.Members[0];
        if (standing.Error is { } error)
        {
            StravaLog.LeftUncounted(logger, memberId, challenge.GuildId, challenge.SeasonYear, error);
            return [];
        }

        var participation = loaded.Members[0].ParticipationId;
        return standing.Weeks
            .Where(w => RecordedRecompute.IsClosed(challenge.SeasonYear, w.Week, today))
            .Select(w => new FrozenWeekRow(participation, w.Week, w.Points, StandingsJson.StatusName(w.Status), w.Streak, w.Amount));
    }
}
