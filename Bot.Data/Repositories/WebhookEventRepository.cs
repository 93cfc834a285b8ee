using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>
/// The durable queue of Strava push events: the webhook endpoint inserts, the queue processor works through
/// the due rows and marks each processed (or schedules its next attempt). Survives a restart by living in the file.
/// </summary>
public sealed class WebhookEventRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>Queues the event, due at once; returns its id.</summary>
    public async Task<long> EnqueueAsync(WebhookEventInput input, CancellationToken cancellationToken = default)
    {
        var row = await WriteTransaction.RunAsync(contextFactory, (context, _) =>
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var added = new WebhookEvent
            {
                ReceivedAtUtc = now,
                ObjectType = input.ObjectType,
                ObjectId = input.ObjectId,
                AspectType = input.AspectType,
                OwnerId = input.OwnerId,
                SubscriptionId = input.SubscriptionId,
                EventTime = input.EventTime,
                UpdatesJson = input.UpdatesJson,
                NextAttemptAtUtc = now,
            };
            context.WebhookEvents.Add(added);
            return Task.FromResult(added);
        }, cancellationToken);
        return row.Id;
    }

    /// <summary>Unprocessed events due by <paramref name="nowUtc"/>, oldest first.</summary>
    public async Task<IReadOnlyList<QueuedWebhookEvent>> ListDueAsync(DateTime nowUtc, int limit, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.WebhookEvents.AsNoTracking()
                .Where(e => e.ProcessedAtUtc == null && e.NextAttemptAtUtc <= nowUtc)
                .OrderBy(e => e.NextAttemptAtUtc).ThenBy(e => e.Id)
                .Take(limit)
                .Select(e => new QueuedWebhookEvent(e.Id, e.ObjectType, e.ObjectId, e.AspectType, e.OwnerId, e.SubscriptionId, e.EventTime, e.UpdatesJson, e.Attempts))
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>When the next unprocessed event is due, or null when the queue is empty.</summary>
    public async Task<DateTime?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.WebhookEvents.AsNoTracking()
                .Where(e => e.ProcessedAtUtc == null)
                .MinAsync(e => (DateTime?)e.NextAttemptAtUtc, cancellationToken);
        }
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.WebhookEvents.CountAsync(e => e.ProcessedAtUtc == null, cancellationToken);
        }
    }

    /// <summary>Marks the event processed; <paramref name="note"/> records why it was ignored or given up, if so.</summary>
    public async Task CompleteAsync(long id, string? note, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            await context.WebhookEvents.Where(e => e.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAtUtc, now).SetProperty(e => e.LastError, note), cancellationToken);
        }
    }

    /// <summary>
    /// Puts the event off until <paramref name="nextAttemptAtUtc"/>. A failed attempt counts; a wait for the
    /// rate-limit window does not (<paramref name="countAttempt"/> false).
    /// </summary>
    public async Task DeferAsync(long id, DateTime nextAttemptAtUtc, bool countAttempt, string? error, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            var increment = countAttempt ? 1 : 0;
            await context.WebhookEvents.Where(e => e.Id == id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(e => e.NextAttemptAtUtc, nextAttemptAtUtc)
                        .SetProperty(e => e.Attempts, e => e.Attempts + increment)
                        .SetProperty(e => e.LastError, error),
                    cancellationToken);
        }
    }
}
