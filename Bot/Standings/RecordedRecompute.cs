using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Scoring;

namespace Bot.Standings;

/// <summary>
/// The one way a closed week's debt changes. Amounts are always recomputed from the stored activities, rules,
/// jokers and the date (SCORING.md), so a change to those inputs can change a week that is already over: a re-check
/// that finds an edited duration, a webhook for an old activity, the back-fill after a relink, a rules change. Every
/// such change runs through <see cref="RecomputeMemberAsync{T}"/> or <see cref="RecomputeChallengeAsync{T}"/>, which
/// score the affected seasons before and after, and record each closed week whose status or amount moved in
/// <c>week_recomputes</c> and the log, with the reason. Weeks still in progress change freely and are not recorded.
/// </summary>
public sealed class RecordedRecompute(
    ChallengeRepository challenges,
    SeasonPipeline pipeline,
    WeekRecomputeRepository recomputes,
    TimeProvider time,
    ILogger<RecordedRecompute> logger)
{

    /// <summary>Makes <paramref name="change"/> to one member's inputs and records what it did to their closed weeks.</summary>
    public async Task<T> RecomputeMemberAsync<T>(long memberId, string reason, Func<CancellationToken, Task<T>> change, CancellationToken cancellationToken = default)
    {
        var seasons = await challenges.ListForMemberAsync(memberId, cancellationToken);
        return await RecomputeAsync(seasons, memberId, reason, change, rulesChanged: false, cancellationToken);
    }

    /// <summary>Makes <paramref name="change"/> to a whole season (its rules) and records what it did to everyone's closed weeks.</summary>
    public Task<T> RecomputeChallengeAsync<T>(ChallengeRow challenge, string reason, Func<CancellationToken, Task<T>> change, CancellationToken cancellationToken = default) =>
        RecomputeAsync([challenge], null, reason, change, rulesChanged: true, cancellationToken);

    /// <summary>The recorded changes to a season's closed weeks, newest first.</summary>
    public Task<IReadOnlyList<WeekRecompute>> HistoryAsync(long challengeId, int limit = 100, CancellationToken cancellationToken = default) =>
        recomputes.ListAsync(challengeId, limit, cancellationToken);

    private async Task<T> RecomputeAsync<T>(
        IReadOnlyList<ChallengeRow> seasons, long? memberId, string reason, Func<CancellationToken, Task<T>> change, bool rulesChanged,
        CancellationToken cancellationToken)
    {
        var before = await ClosedWeeksAsync(seasons, memberId, cancellationToken);
        var result = await change(cancellationToken);
        try
        {
            // A rules change is read back; a member's change leaves the seasons' rows as they were.
            var after = await ClosedWeeksAsync(rulesChanged ? await ReloadAsync(seasons, cancellationToken) : seasons, memberId, cancellationToken);
            await RecordAsync(seasons, before, after, reason, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StandingsLog.RecomputeNotRecorded(logger, exception, memberId ?? 0, reason);
        }

        return result;
    }

    private async Task<IReadOnlyList<ChallengeRow>> ReloadAsync(IReadOnlyList<ChallengeRow> seasons, CancellationToken cancellationToken)
    {
        var fresh = new List<ChallengeRow>(seasons.Count);
        foreach (var season in seasons)
        {
            fresh.Add(await challenges.GetAsync(season.GuildId, season.SeasonYear, cancellationToken) ?? season);
        }

        return fresh;
    }

    private async Task<Dictionary<WeekKey, WeekResult>> ClosedWeeksAsync(
        IReadOnlyList<ChallengeRow> seasons, long? memberId, CancellationToken cancellationToken)
    {
        var weeks = new Dictionary<WeekKey, WeekResult>();
        foreach (var challenge in seasons)
        {
            var today = pipeline.Today(challenge);

            // Members score independently: for one member's change only that member is tallied.
            var (loaded, standing) = await pipeline.TallyWhenFreeAsync(
                challenge, today, memberId is { } only ? m => m.MemberId == only : null, cancellationToken);
            for (var n = 0; n < loaded.Members.Count; n++)
            {
                var member = loaded.Members[n];
                foreach (var week in standing.Members[n].Weeks)
                {
                    if (IsClosed(challenge.SeasonYear, week.Week, today))
                    {
                        weeks[new WeekKey(challenge.Id, member.MemberId, week.Week)] = week;
                    }
                }
            }
        }

        return weeks;
    }

    private async Task RecordAsync(
        IReadOnlyList<ChallengeRow> seasons, Dictionary<WeekKey, WeekResult> before, Dictionary<WeekKey, WeekResult> after,
        string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changes = new List<WeekRecompute>();
        foreach (var (key, old) in before)
        {
            // A week that is gone (the member left or was deleted) follows its own policy, not a recompute.
            if (!after.TryGetValue(key, out var fresh) || (fresh.Status == old.Status && fresh.Amount == old.Amount))
            {
                continue;
            }

            var challenge = seasons.First(c => c.Id == key.ChallengeId);
            StandingsLog.ClosedWeekRecomputed(logger, challenge.GuildId, challenge.SeasonYear, key.Week, key.MemberId, reason,
                StandingsJson.StatusName(old.Status), old.Amount, StandingsJson.StatusName(fresh.Status), fresh.Amount);
            changes.Add(new WeekRecompute
            {
                ChallengeId = key.ChallengeId,
                MemberId = key.MemberId,
                Week = key.Week,
                OldStatus = StandingsJson.StatusName(old.Status),
                OldAmount = old.Amount,
                NewStatus = StandingsJson.StatusName(fresh.Status),
                NewAmount = fresh.Amount,
                Reason = reason.Length <= 200 ? reason : reason[..200],
                AtUtc = now,
            });
        }

        await recomputes.AddAsync(changes, CancellationToken.None);
    }

    /// <summary>A week is closed once its Sunday is before today (SCORING.md: complete).</summary>
    internal static bool IsClosed(int season, int week, DateOnly today)
    {
        var sunday = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(season, week, DayOfWeek.Sunday));
        return sunday < today;
    }

    private readonly record struct WeekKey(long ChallengeId, long MemberId, int Week);
}
