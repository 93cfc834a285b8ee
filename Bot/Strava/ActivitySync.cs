using System.Globalization;
using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Standings;
using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>
/// Brings a member's stored activities in line with Strava: a wall-clock window listed with per_page=200
/// (epoch seconds, a day of margin each side, paging until a short page), filtered by start_date_local
/// and written in one transaction; or one activity fetched by id. Nothing is written unless Strava's
/// whole answer was read. Writes go through <see cref="ActivityWriter"/>: serialised per member, newer webhook
/// writes win over an older listing, and changes to closed weeks are recorded as recomputes.
/// </summary>
internal sealed class ActivitySync(
    StravaMemberApi api,
    StravaClient client,
    ActivityWriter writer,
    StravaLinkRepository links,
    StravaSyncRepository syncs,
    ChallengeOptions challengeOptions,
    TimeProvider time,
    ILogger<ActivitySync> logger)
{
    public const int PerPage = 200;

    // A page cap so a misbehaving server cannot keep the job paging for ever (200 × 50 = 10,000 activities).
    private const int MaxPages = 50;

    private static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    private readonly TimeZoneInfo _zone = challengeOptions.ResolveTimeZone();

    /// <summary>The member's latest season (or this ISO year's) from its first Monday to its end.</summary>
    public async Task<SyncOutcome> BackfillAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var season = await syncs.LatestSeasonAsync(memberId, cancellationToken)
            ?? ISOWeek.GetYear(Today().ToDateTime(TimeOnly.MinValue));
        var (from, to) = SeasonWindow.For(season);

        // "Done" is written with the activities, inside the same recompute: the weeks a broken link left
        // without data count again from here, and what that does to closed weeks is recorded.
        return await SyncWindowAsync(memberId, from, to, "Strava back-fill", ct => syncs.RecordBackfillAsync(memberId, from, ct), cancellationToken);
    }

    /// <summary>The current and previous ISO week, which catches edited durations (Strava sends no event for them).</summary>
    public async Task<SyncOutcome> RecheckAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var today = Today();
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var from = monday.AddDays(-7).ToDateTime(TimeOnly.MinValue);
        var to = monday.AddDays(7).ToDateTime(TimeOnly.MinValue);
        return await SyncWindowAsync(memberId, from, to, "Strava re-check", ct => syncs.RecordRecheckAsync(memberId, ct), cancellationToken);
    }

    /// <summary>Lists [from, to) wall-clock time and makes the stored activities in it exactly what Strava lists.</summary>
    public Task<SyncOutcome> SyncWindowAsync(long memberId, DateTime fromLocal, DateTime toLocal, CancellationToken cancellationToken = default) =>
        SyncWindowAsync(memberId, fromLocal, toLocal, "Strava sync", null, cancellationToken);

    private async Task<SyncOutcome> SyncWindowAsync(
        long memberId, DateTime fromLocal, DateTime toLocal, string reason, Func<CancellationToken, Task>? done, CancellationToken cancellationToken)
    {
        using var listing = writer.BeginListing(memberId);
        var athleteId = (await links.GetTokensAsync(memberId, cancellationToken))?.AthleteId;
        var after = Epoch(fromLocal - Margin);
        var before = Epoch(toLocal + Margin);
        var records = new List<ActivityRecord>();
        var calls = 0;
        for (var page = 1; page <= MaxPages; page++)
        {
            var current = page;
            var response = await api.CallAsync(memberId, (token, ct) => client.ListActivitiesAsync(token, after, before, current, PerPage, ct), cancellationToken);
            calls++;
            if (!response.IsOk)
            {
                StravaLog.SyncFailed(logger, memberId, response.Problem ?? response.Status.ToString());
                return new SyncOutcome(response.Status, calls, Problem: response.Problem, RetryAt: response.RetryAt);
            }

            foreach (var activity in response.Value!)
            {
                // The list is the token's own athlete's; anything else in it is not this member's to store.
                if (activity.Athlete?.Id is { } owner && owner != athleteId)
                {
                    StravaLog.ForeignActivity(logger, activity.Id ?? 0, memberId);
                    continue;
                }

                if (ActivityMapper.Map(activity, memberId, out var problem) is not { } record)
                {
                    StravaLog.Garbage(logger, "activity list", problem!);
                    return new SyncOutcome(StravaStatus.Garbage, calls, Problem: $"Strava sent an activity the bot cannot read ({problem})");
                }

                if (record.StartLocal >= fromLocal && record.StartLocal < toLocal)
                {
                    records.Add(record);
                }
            }

            if (response.Value!.Count < PerPage)
            {
                break;
            }
        }

        // Paging may repeat an activity across pages; one row each.
        var distinct = records.DistinctBy(r => r.Id).ToList();
        await syncs.KeepBackfillDueAsync(memberId, cancellationToken);
        var written = await writer.ReplaceWindowAsync(listing, fromLocal, toLocal, distinct, reason, done, cancellationToken);
        StravaLog.WindowSynced(logger, memberId, fromLocal, toLocal, written.Listed, written.Written, written.Deleted, calls);
        return new SyncOutcome(StravaStatus.Ok, calls, written.Listed, written.Written, written.Deleted);
    }

    /// <summary>
    /// Re-checks one activity of the member, as a webhook event asks: fetched with the member's own token, stored only
    /// when Strava says it is theirs (<c>athlete.id</c> is their athlete id), deleted only when Strava answers 404 to
    /// their working token. Every write is the member's own: another member's activity is never touched. One read call.
    /// </summary>
    public async Task<SyncOutcome> RecheckActivityAsync(long memberId, long athleteId, long activityId, CancellationToken cancellationToken = default)
    {
        var response = await api.CallAsync(memberId, (token, ct) => client.GetActivityAsync(token, activityId, ct), cancellationToken);
        if (response.Status == StravaStatus.NotFound)
        {
            var deleted = await writer.DeleteAsync(memberId, activityId, "Strava no longer has the activity", cancellationToken);
            return new SyncOutcome(StravaStatus.Ok, 1, Deleted: deleted ? 1 : 0);
        }

        if (!response.IsOk)
        {
            return new SyncOutcome(response.Status, 1, Problem: response.Problem, RetryAt: response.RetryAt);
        }

        if (response.Value!.Athlete?.Id != athleteId)
        {
            StravaLog.ForeignActivity(logger, activityId, memberId);
            return new SyncOutcome(StravaStatus.Ok, 1, Foreign: true);
        }

        if (ActivityMapper.Map(response.Value!, memberId, out var problem) is not { } record)
        {
            StravaLog.Garbage(logger, "activity fetch", problem!);
            return new SyncOutcome(StravaStatus.Garbage, 1, Problem: $"Strava sent an activity the bot cannot read ({problem})");
        }

        await syncs.KeepBackfillDueAsync(memberId, cancellationToken);
        var written = await writer.UpsertAsync(memberId, record, "Strava webhook", cancellationToken);
        return new SyncOutcome(StravaStatus.Ok, 1, 1, written ? 1 : 0);
    }

    private static long Epoch(DateTime wallClock) =>
        new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Utc)).ToUnixTimeSeconds();

    private DateOnly Today() => ChallengeTimeZone.Today(_zone, time);
}
