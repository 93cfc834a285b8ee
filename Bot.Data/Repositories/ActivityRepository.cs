using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

public sealed class ActivityRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>
    /// Inserts the activity or updates the stored one with the same Strava id, in one write transaction. An id stored
    /// for another member is left alone (<see cref="ActivityUpsertOutcome.OwnedByAnother"/>): a write never moves an
    /// activity between members.
    /// </summary>
    public Task<ActivityUpsertOutcome> UpsertAsync(ActivityRecord record, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var activity = await context.Activities.SingleOrDefaultAsync(a => a.Id == record.Id, ct);
            if (activity is null)
            {
                context.Activities.Add(new Activity
                {
                    Id = record.Id,
                    MemberId = record.MemberId,
                    Name = record.Name,
                    Type = record.Type,
                    SportType = record.SportType,
                    StartUtc = record.StartUtc,
                    StartLocal = record.StartLocal,
                    TimeZone = record.TimeZone,
                    MovingTime = record.MovingTime,
                    ElapsedTime = record.ElapsedTime,
                    Distance = record.Distance,
                    TotalElevationGain = record.TotalElevationGain,
                    SummaryPolyline = record.SummaryPolyline,
                    UpdatedAtUtc = now,
                });
                return ActivityUpsertOutcome.Inserted;
            }

            if (activity.MemberId != record.MemberId)
            {
                return ActivityUpsertOutcome.OwnedByAnother;
            }

            activity.Name = record.Name;
            activity.Type = record.Type;
            activity.SportType = record.SportType;
            activity.StartUtc = record.StartUtc;
            activity.StartLocal = record.StartLocal;
            activity.TimeZone = record.TimeZone;
            activity.MovingTime = record.MovingTime;
            activity.ElapsedTime = record.ElapsedTime;
            activity.Distance = record.Distance;
            activity.TotalElevationGain = record.TotalElevationGain;
            activity.SummaryPolyline = record.SummaryPolyline;
            context.ChangeTracker.DetectChanges();
            if (context.Entry(activity).State == EntityState.Unchanged)
            {
                return ActivityUpsertOutcome.Unchanged;
            }

            activity.UpdatedAtUtc = now;
            return ActivityUpsertOutcome.Updated;
        }, cancellationToken);

    /// <summary>
    /// Inserts or updates every record by Strava id in one write transaction (a retried or duplicated record
    /// counts once; an id stored for another member is left alone). Returns how many rows were inserted or changed.
    /// </summary>
    public Task<int> UpsertManyAsync(IReadOnlyList<ActivityRecord> records, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(
            contextFactory,
            (context, ct) => ActivityBulkWriter.UpsertAsync(context, records, timeProvider.GetUtcNow().UtcDateTime, ct),
            cancellationToken);

    /// <summary>
    /// Makes the member's stored activities starting in [from, to) wall-clock time exactly <paramref name="records"/>
    /// (all of which lie in that range): upserts them and deletes the stored ones Strava no longer lists, in one transaction.
    /// Stored activities in <paramref name="keepStored"/> are never deleted (a newer write than the listing owns them).
    /// </summary>
    public Task<WindowSyncResult> ReplaceWindowAsync(
        long memberId, DateTime fromLocalInclusive, DateTime toLocalExclusive, IReadOnlyList<ActivityRecord> records,
        IReadOnlySet<long>? keepStored = null, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var written = await ActivityBulkWriter.UpsertAsync(context, records, timeProvider.GetUtcNow().UtcDateTime, ct);
            var keep = records.Select(r => r.Id).ToHashSet();
            var stored = await context.Activities
                .Where(a => a.MemberId == memberId && a.StartLocal >= fromLocalInclusive && a.StartLocal < toLocalExclusive)
                .Select(a => a.Id)
                .ToListAsync(ct);
            var gone = stored.Where(id => !keep.Contains(id) && keepStored?.Contains(id) != true).ToList();
            var deleted = gone.Count == 0 ? 0 : await context.Activities.Where(a => a.MemberId == memberId && gone.Contains(a.Id)).ExecuteDeleteAsync(ct);
            return new WindowSyncResult(records.Count, written, deleted);
        }, cancellationToken);

    public async Task<int> CountForMemberAsync(long memberId, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Activities.CountAsync(a => a.MemberId == memberId, cancellationToken);
        }
    }

    /// <summary>The member's activities starting in [from, to) wall-clock time, in (start, id) order.</summary>
    public async Task<IReadOnlyList<MemberActivityRow>> ListForMemberAsync(
        long memberId, DateTime fromLocalInclusive, DateTime toLocalExclusive, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Activities.AsNoTracking()
                .Where(a => a.MemberId == memberId && a.StartLocal >= fromLocalInclusive && a.StartLocal < toLocalExclusive)
                .OrderBy(a => a.StartLocal).ThenBy(a => a.Id)
                .Select(a => new MemberActivityRow(a.Id, a.Name, a.Type, a.SportType, a.StartLocal, a.MovingTime, a.ElapsedTime))
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>Deletes the member's activity with this Strava id; false when the member has none (another member's is never touched).</summary>
    public async Task<bool> DeleteAsync(long memberId, long id, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.Activities.Where(a => a.Id == id && a.MemberId == memberId).ExecuteDeleteAsync(cancellationToken) > 0;
        }
    }
}
