using Bot.Data.Entities;
using Bot.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>Where each linked member's sync with Strava stands: back-fills due and done, re-checks. Every write is one transaction.</summary>
public sealed class StravaSyncRepository(IDbContextFactory<ChallengeDbContext> contextFactory, SqliteConnections connections, TimeProvider timeProvider)
{
    /// <summary>
    /// Linked members whose season back-fill is due: linked since the last back-fill, or imported from the old
    /// bot with tokens but without any stored activity or sync record.
    /// </summary>
    public async Task<IReadOnlyList<long>> ListBackfillDueAsync(CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            var linked = context.Members.AsNoTracking()
                .Where(m => m.LinkState == LinkState.Linked && m.RefreshToken != null && m.StravaAthleteId != null);
            return await linked
                .Where(m => context.StravaSyncStates.Any(s => s.MemberId == m.Id && s.LastBackfillAtUtc == null)
                    || (!context.StravaSyncStates.Any(s => s.MemberId == m.Id) && !m.Activities.Any()))
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Writes down a back-fill that is due only implicitly (a member imported with tokens but no activity and no sync
    /// record) before the first activity of theirs is stored, so that storing it (a webhook create, a re-check) cannot
    /// make the back-fill look done — also when the process dies right after. Nothing is written otherwise.
    /// </summary>
    public async Task KeepBackfillDueAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            if (await context.StravaSyncStates.AnyAsync(s => s.MemberId == memberId, cancellationToken))
            {
                return;
            }
        }

        await WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            if (await context.StravaSyncStates.AnyAsync(s => s.MemberId == memberId, ct)
                || await context.Activities.AnyAsync(a => a.MemberId == memberId, ct)
                || !await context.Members.AnyAsync(m => m.Id == memberId && m.LeftAtUtc == null, ct))
            {
                return false;
            }

            context.StravaSyncStates.Add(new StravaSyncState { MemberId = memberId });
            return true;
        }, cancellationToken);
    }

    /// <summary>Linked members, the ones re-checked longest ago (or never) first.</summary>
    public async Task<IReadOnlyList<long>> ListForRecheckAsync(CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Members.AsNoTracking()
                .Where(m => m.LinkState == LinkState.Linked && m.RefreshToken != null && m.StravaAthleteId != null)
                .Select(m => new
                {
                    m.Id,
                    Last = context.StravaSyncStates.Where(s => s.MemberId == m.Id).Select(s => s.LastRecheckAtUtc).FirstOrDefault(),
                })
                .OrderBy(m => m.Last.HasValue).ThenBy(m => m.Last).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>The latest season year the member takes part in, or null.</summary>
    public async Task<int?> LatestSeasonAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Participations.AsNoTracking().Where(p => p.MemberId == memberId)
                .MaxAsync(p => (int?)p.Challenge.SeasonYear, cancellationToken);
        }
    }

    /// <summary>
    /// Writes down a finished back-fill of the season starting at <paramref name="fromLocal"/>; the season is stored
    /// again, so weeks after a broken link stop being "no data" (<see cref="Member.NoDataSinceUtc"/> is cleared in the
    /// same transaction), and that season's weeks frozen when the member left are computed from the activities again.
    /// </summary>
    public Task RecordBackfillAsync(long memberId, DateTime fromLocal, CancellationToken cancellationToken = default) =>
        RecordAsync(memberId, async (context, sync, now, ct) =>
        {
            sync.LastBackfillAtUtc = now;
            sync.BackfilledFromLocal = fromLocal;
            sync.LastRecheckAtUtc = now;
            sync.LastSyncAtUtc = now;
            sync.Member.NoDataSinceUtc = null;

            var season = System.Globalization.ISOWeek.GetYear(fromLocal);
            var thawed = await context.Participations
                .Where(p => p.MemberId == memberId && p.FrozenAtUtc != null && p.Challenge.SeasonYear == season)
                .ToListAsync(ct);
            foreach (var participation in thawed)
            {
                participation.FrozenAtUtc = null;
                await context.FrozenWeekResults.Where(f => f.ParticipationId == participation.Id).ExecuteDeleteAsync(ct);
            }
        }, cancellationToken);

    public Task RecordRecheckAsync(long memberId, CancellationToken cancellationToken = default) =>
        RecordAsync(memberId, (_, sync, now, _) =>
        {
            sync.LastRecheckAtUtc = now;
            sync.LastSyncAtUtc = now;
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>When the challenge's linked participants were last synced with Strava.</summary>
    public async Task<ChallengeSyncStatus> GetSyncStatusAsync(long challengeId, CancellationToken cancellationToken = default)
    {
        // /total asks this every time: a plain connection, not EF (see SqliteConnections).
        var snapshot = await ReadSnapshot.OpenAsync(connections, cancellationToken);
        await using (snapshot)
        {
            var last = await snapshot.ReadAsync(
                """
                SELECT s.last_sync_at_utc
                FROM participations p
                JOIN members m ON m.id = p.member_id
                LEFT JOIN strava_sync_states s ON s.member_id = p.member_id
                WHERE p.challenge_id = @ChallengeId AND m.link_state = @Linked AND m.strava_athlete_id IS NOT NULL
                """,
                r => r.IsDBNull(0) ? (DateTime?)null : DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc),
                cancellationToken,
                ("@ChallengeId", challengeId),
                ("@Linked", nameof(LinkState.Linked)));
            var synced = last.Where(t => t.HasValue).Select(t => t!.Value).ToList();
            return new ChallengeSyncStatus(
                last.Count,
                last.Count - synced.Count,
                synced.Count == 0 ? null : synced.Min(),
                synced.Count == 0 ? null : synced.Max());
        }
    }

    // A member who left has no sync state: what a sync started before they left finds is not written down.
    private Task<bool> RecordAsync(
        long memberId, Func<ChallengeDbContext, StravaSyncState, DateTime, CancellationToken, Task> update, CancellationToken cancellationToken) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            if (await context.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.LeftAtUtc == null, ct) is not { } member)
            {
                return false;
            }

            var sync = await context.StravaSyncStates.SingleOrDefaultAsync(s => s.MemberId == memberId, ct);
            if (sync is null)
            {
                sync = new StravaSyncState { MemberId = memberId, Member = member };
                context.StravaSyncStates.Add(sync);
            }

            await update(context, sync, timeProvider.GetUtcNow().UtcDateTime, ct);
            return true;
        }, cancellationToken);
}
