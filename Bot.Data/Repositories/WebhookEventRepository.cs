using Bot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Data.Repositories;

/// <summary>
/// The durable queue of Strava push events: the webhook endpoint inserts, the queue processor works through
/// the due rows and marks each processed (or schedules its next attempt). Survives a restart by living in the file.
/// </summary>
public sealed class WebhookEventRepository(IDbContextFactory<ChallengeDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>
    /// Queues the event, due at once, in one write transaction. Events are hints of what to re-check, so one waiting row
    /// per object and owner is enough: a later event for the same object updates that row instead of adding one. With
    /// <paramref name="maxPending"/> unprocessed rows already waiting, nothing is stored.
    /// </summary>
    public Task<WebhookEnqueueResult> EnqueueAsync(WebhookEventInput input, int maxPending, CancellationToken cancellationToken = default) =>
        WriteTransaction.RunAsync(contextFactory, async (context, ct) =>
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var waiting = await context.WebhookEvents
                .Where(e => e.ProcessedAtUtc == null && e.ObjectType == input.ObjectType && e.ObjectId == input.ObjectId && e.OwnerId == input.OwnerId)
                .OrderBy(e => e.Id)
                .FirstOrDefaultAsync(ct);
            if (waiting is not null)
            {
                waiting.AspectType = input.AspectType;
                waiting.UpdatesJson = input.UpdatesJson;
                waiting.EventTime = Math.Max(waiting.EventTime, input.EventTime);
                waiting.SubscriptionId = input.SubscriptionId;
                waiting.NextAttemptAtUtc = waiting.NextAttemptAtUtc < now ? waiting.NextAttemptAtUtc : now;
                return new WebhookEnqueueResult(waiting.Id, WebhookEnqueueOutcome.Coalesced);
            }

            if (await context.WebhookEvents.CountAsync(e => e.ProcessedAtUtc == null, ct) >= maxPending)
            {
                return new WebhookEnqueueResult(0, WebhookEnqueueOutcome.QueueFull);
            }

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
            await context.SaveChangesAsync(ct);
            return new WebhookEnqueueResult(added.Id, WebhookEnqueueOutcome.Queued);
        }, cancellationToken);

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

    /// <summary>Deletes the events processed before <paramref name="cutoffUtc"/>; returns how many.</summary>
    public async Task<int> DeleteProcessedBeforeAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default)
    {
        var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (context)
        {
            return await context.WebhookEvents.Where(e => e.ProcessedAtUtc != null && e.ProcessedAtUtc < cutoffUtc).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
