using Bot.Data.Repositories;
using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>
/// Works through the durable queue of push events. Events of a foreign subscription or an unknown owner
/// are marked processed with no call; a title-only update is stored with no call; create and other updates
/// fetch the activity; delete deletes it; a deauthorization deletes the member with all their data.
/// Rate-limited events wait for the window without spending an attempt; failures back off and give up
/// after <see cref="MaxAttempts"/>.
/// </summary>
internal sealed class WebhookQueueProcessor(
    WebhookEventRepository queue,
    StravaSubscriptionStore subscriptions,
    MemberRepository members,
    StravaLinkRepository links,
    ActivityStore store,
    ActivitySync sync,
    TimeProvider time,
    ILogger<WebhookQueueProcessor> logger) : BackgroundService, IWebhookQueueSignal
{
    public const int MaxAttempts = 8;

    private static readonly TimeSpan IdlePoll = TimeSpan.FromMinutes(1);

    private readonly WakeSignal _wake = new();

    public void Notify() => _wake.Notify();

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <summary>Handles every event due now; returns how many it handled (processed or put off).</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            var due = await queue.ListDueAsync(time.GetUtcNow().UtcDateTime, 50, cancellationToken);
            if (due.Count == 0)
            {
                return handled;
            }

            foreach (var queued in due)
            {
                await HandleAsync(queued, cancellationToken);
                handled++;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await ProcessDueAsync(stoppingToken);
                var next = await queue.NextDueAtAsync(stoppingToken);
                wait = next is { } at ? at - time.GetUtcNow().UtcDateTime : IdlePoll;
                wait = wait > IdlePoll ? IdlePoll : wait;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                StravaLog.QueueFailed(logger, exception);
                wait = TimeSpan.FromSeconds(10);
            }

            try
            {
                await _wake.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task HandleAsync(QueuedWebhookEvent queued, CancellationToken cancellationToken)
    {
        var ours = await subscriptions.GetAsync(cancellationToken);
        if (ours is null || queued.SubscriptionId != ours)
        {
            await CompleteAsync(queued, "ignored: not this application's subscription", cancellationToken);
            return;
        }

        var member = await members.GetByStravaAthleteIdAsync(queued.OwnerId, cancellationToken);
        if (member is null)
        {
            await CompleteAsync(queued, "ignored: unknown owner", cancellationToken);
            return;
        }

        var updates = WebhookUpdates.Parse(queued.UpdatesJson);
        if (queued.ObjectType == "athlete")
        {
            if (updates.IsDeauthorization)
            {
                await links.DeleteMemberAsync(member.Id, cancellationToken);
                await CompleteAsync(queued, "deauthorized: member and their data deleted", cancellationToken);
            }
            else
            {
                await CompleteAsync(queued, "ignored: athlete update", cancellationToken);
            }

            return;
        }

        if (queued.ObjectType != "activity")
        {
            await CompleteAsync(queued, "ignored: unknown object type", cancellationToken);
            return;
        }

        switch (queued.AspectType)
        {
            case "delete":
                await store.DeleteAsync(member.Id, queued.ObjectId, "Strava webhook: activity deleted", cancellationToken);
                await CompleteAsync(queued, "activity deleted", cancellationToken);
                return;
            case "update" when updates.IsTitleOnly:
                await store.RenameAsync(member.Id, queued.ObjectId, updates.Title, cancellationToken);
                await CompleteAsync(queued, "title stored (no call)", cancellationToken);
                return;
            case "create" or "update":
                await FetchAsync(queued, member.Id, cancellationToken);
                return;
            default:
                await CompleteAsync(queued, "ignored: unknown aspect type", cancellationToken);
                return;
        }
    }

    private async Task FetchAsync(QueuedWebhookEvent queued, long memberId, CancellationToken cancellationToken)
    {
        var outcome = await sync.FetchOneAsync(memberId, queued.ObjectId, cancellationToken);
        switch (outcome.Status)
        {
            case StravaStatus.Ok:
                await CompleteAsync(queued, null, cancellationToken);
                return;
            case StravaStatus.RateLimited:
                // The window, not this event, decides: no attempt is spent.
                var until = (outcome.RetryAt ?? RateLimitGovernor.NextWindowStart(time.GetUtcNow())).UtcDateTime;
                await queue.DeferAsync(queued.Id, until, countAttempt: false, outcome.Problem, cancellationToken);
                return;
            case StravaStatus.NeedsRelink:
                await CompleteAsync(queued, "skipped: the member needs to link Strava again", cancellationToken);
                return;
            default:
                var attempt = queued.Attempts + 1;
                var problem = outcome.Problem ?? outcome.Status.ToString();
                if (attempt >= MaxAttempts || outcome.Status == StravaStatus.Rejected)
                {
                    await CompleteAsync(queued, $"gave up after {attempt} attempts: {problem}", cancellationToken);
                    return;
                }

                var next = time.GetUtcNow().UtcDateTime + Backoff(attempt);
                StravaLog.EventDeferred(logger, queued.Id, attempt, next, problem);
                await queue.DeferAsync(queued.Id, next, countAttempt: true, problem, cancellationToken);
                return;
        }
    }

    /// <summary>30 s, 1 min, 2 min … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempt - 1))));

    private async Task CompleteAsync(QueuedWebhookEvent queued, string? note, CancellationToken cancellationToken)
    {
        await queue.CompleteAsync(queued.Id, note, cancellationToken);
        StravaLog.EventHandled(logger, queued.Id, queued.ObjectType, queued.AspectType, note ?? "activity stored");
    }
}
