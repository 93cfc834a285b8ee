using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Strava.Api;

namespace Bot.Strava.Webhooks;

/// <summary>
/// Works through the durable queue of push events. Strava does not sign its events, so an event is only a hint of what
/// to re-check with Strava, never a fact: an activity event (create, update or delete alike) re-checks that activity
/// with its owner's token (<see cref="ActivitySync.RecheckActivityAsync"/>: stored only when it is the owner's, deleted
/// only on a 404); a deauthorization is confirmed with Strava (<see cref="DeauthorizationCheck"/>) before the member
/// leaves (<see cref="MemberDeparture"/>: their Strava data deleted, their closed weeks frozen), and a refuted one is
/// logged and changes nothing. Each event costs at most one read call.
/// Rate-limited events wait for the window without spending an attempt; failures back off and give up after
/// <see cref="MaxAttempts"/>. Processed events are deleted after <see cref="Retention"/>.
/// </summary>
internal sealed class WebhookQueueProcessor(
    WebhookEventRepository queue,
    StravaSubscriptionStore subscriptions,
    MemberRepository members,
    MemberDeparture departures,
    ActivitySync sync,
    DeauthorizationCheck deauthorizations,
    TimeProvider time,
    ILogger<WebhookQueueProcessor> logger) : BackgroundService, IWebhookQueueSignal
{
    public const int MaxAttempts = 8;

    /// <summary>How long a processed event is kept (for the log of what happened) before it is deleted.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private static readonly TimeSpan IdlePoll = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromHours(1);

    private readonly WakeSignal _wake = new();
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

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

    /// <summary>Deletes the events processed more than <see cref="Retention"/> ago; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        queue.DeleteProcessedBeforeAsync((time.GetUtcNow() - Retention).UtcDateTime, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await ProcessDueAsync(stoppingToken);
                await CleanUpWhenDueAsync(stoppingToken);
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

    private async Task CleanUpWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + CleanupEvery;
        var deleted = await DeleteExpiredAsync(cancellationToken);
        if (deleted > 0)
        {
            StravaLog.EventsExpired(logger, deleted, Retention.Days);
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

        switch (queued.ObjectType)
        {
            case "athlete" when WebhookUpdates.Parse(queued.UpdatesJson).IsDeauthorization:
                await DeauthorizeAsync(queued, member, cancellationToken);
                return;
            case "athlete":
                await CompleteAsync(queued, "ignored: athlete update", cancellationToken);
                return;
            case "activity" when member.LinkState != LinkState.Linked:
                await CompleteAsync(queued, "skipped: the member needs to link Strava again", cancellationToken);
                return;
            case "activity":
                await RecheckAsync(queued, member, cancellationToken);
                return;
            default:
                await CompleteAsync(queued, "ignored: unknown object type", cancellationToken);
                return;
        }
    }

    private async Task DeauthorizeAsync(QueuedWebhookEvent queued, MemberRow member, CancellationToken cancellationToken)
    {
        var (verdict, status, problem, retryAt) = await deauthorizations.CheckAsync(member.Id, cancellationToken);
        switch (verdict)
        {
            case DeauthorizationVerdict.Confirmed:
                // The departure deletes the member's queued events, this one included (completing it then touches no row).
                await departures.LeaveAsync(member.Id, "Strava deauthorization (confirmed with Strava)", cancellationToken);
                await CompleteAsync(queued, "deauthorized (confirmed with Strava): the member's Strava data deleted, closed weeks frozen", cancellationToken);
                return;
            case DeauthorizationVerdict.Refuted:
                StravaLog.DeauthorizationRefuted(logger, queued.Id, member.Id);
                await CompleteAsync(queued, "ignored: deauthorization refuted (the member's token works)", cancellationToken);
                return;
            default:
                await DeferAsync(queued, status, problem, retryAt, cancellationToken);
                return;
        }
    }

    private async Task RecheckAsync(QueuedWebhookEvent queued, MemberRow member, CancellationToken cancellationToken)
    {
        var outcome = await sync.RecheckActivityAsync(member.Id, queued.OwnerId, queued.ObjectId, cancellationToken);
        switch (outcome.Status)
        {
            case StravaStatus.Ok when outcome.Foreign:
                await CompleteAsync(queued, "ignored: the activity belongs to another athlete", cancellationToken);
                return;
            case StravaStatus.Ok:
                await CompleteAsync(queued, outcome.Deleted > 0 ? "activity deleted (Strava answered 404)" : null, cancellationToken);
                return;
            case StravaStatus.NeedsRelink:
                await CompleteAsync(queued, "skipped: the member needs to link Strava again", cancellationToken);
                return;
            default:
                await DeferAsync(queued, outcome.Status, outcome.Problem, outcome.RetryAt, cancellationToken);
                return;
        }
    }

    private async Task DeferAsync(QueuedWebhookEvent queued, StravaStatus status, string? problem, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        if (status == StravaStatus.RateLimited)
        {
            // The window, not this event, decides: no attempt is spent.
            var until = (retryAt ?? RateLimitGovernor.NextWindowStart(time.GetUtcNow())).UtcDateTime;
            await queue.DeferAsync(queued.Id, until, countAttempt: false, problem, cancellationToken);
            return;
        }

        var attempt = queued.Attempts + 1;
        problem ??= status.ToString();
        if (attempt >= MaxAttempts || status == StravaStatus.Rejected)
        {
            await CompleteAsync(queued, $"gave up after {attempt} attempts: {problem}", cancellationToken);
            return;
        }

        var next = time.GetUtcNow().UtcDateTime + Backoff(attempt);
        StravaLog.EventDeferred(logger, queued.Id, attempt, next, problem);
        await queue.DeferAsync(queued.Id, next, countAttempt: true, problem, cancellationToken);
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
