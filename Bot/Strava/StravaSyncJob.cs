using Bot.Data.Repositories;
using Bot.Strava.Api;

namespace Bot.Strava;

/// <summary>
/// Back-fills members whose season is not stored yet (just linked, or imported from the old bot with tokens
/// but no activities), at start-up and when woken; and every <see cref="RecheckInterval"/> re-lists the current
/// and previous week of every linked member, within the rate budget (it leaves <see cref="WebhookReserve"/>
/// calls per window for webhook work). When the governor closes, the job waits for the window as a whole:
/// no member is retried on its own.
/// </summary>
internal sealed class StravaSyncJob(
    ActivitySync sync,
    StravaLinkRepository links,
    StravaSyncRepository syncs,
    RateLimitGovernor governor,
    IMemberNotifier notifier,
    TimeProvider time,
    ILogger<StravaSyncJob> logger) : BackgroundService
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromHours(6);

    public const int WebhookReserve = 10;

    private readonly WakeSignal _wake = new();
    private DateTimeOffset _nextRecheck = DateTimeOffset.MinValue;

    /// <summary>Starts the due back-fills now (after a link).</summary>
    public void Notify() => _wake.Notify();

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <summary>Back-fills every member due; returns how many finished.</summary>
    public async Task<int> RunBackfillsAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var memberId in await syncs.ListBackfillDueAsync(cancellationToken))
        {
            var outcome = await RunForMemberAsync(memberId, sync.BackfillAsync, cancellationToken);
            if (outcome.IsOk)
            {
                done++;
            }
            else if (outcome.Status is StravaStatus.Garbage or StravaStatus.Unavailable or StravaStatus.Rejected
                && (await links.GetTokensAsync(memberId, cancellationToken))?.DiscordUserId is { } discordUserId)
            {
                await notifier.NotifyAsync(discordUserId, MemberMessages.BackfillFailed(outcome.Problem ?? "Strava failed"), cancellationToken);
            }
        }

        return done;
    }

    /// <summary>Re-checks every linked member once, oldest re-check first; returns how many finished.</summary>
    public async Task<int> RunRechecksAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var memberId in await syncs.ListForRecheckAsync(cancellationToken))
        {
            while (!governor.HasSpare(WebhookReserve))
            {
                var until = governor.State.ClosedUntil ?? RateLimitGovernor.NextWindowStart(time.GetUtcNow());
                StravaLog.RecheckWaits(logger, until);
                await Task.Delay(until - time.GetUtcNow() + TimeSpan.FromSeconds(1), time, cancellationToken);
            }

            if ((await RunForMemberAsync(memberId, sync.RecheckAsync, cancellationToken)).IsOk)
            {
                done++;
            }
        }

        return done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunBackfillsAsync(stoppingToken);
                if (time.GetUtcNow() >= _nextRecheck)
                {
                    _nextRecheck = time.GetUtcNow() + RecheckInterval;
                    await RunRechecksAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                StravaLog.SyncJobFailed(logger, exception);
            }

            try
            {
                await _wake.WaitAsync(_nextRecheck - time.GetUtcNow(), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // A closed governor pauses the whole job until the window opens, then the same member runs once more.
    private async Task<SyncOutcome> RunForMemberAsync(
        long memberId, Func<long, CancellationToken, Task<SyncOutcome>> work, CancellationToken cancellationToken)
    {
        var outcome = await work(memberId, cancellationToken);
        if (outcome.Status == StravaStatus.RateLimited)
        {
            await governor.WaitUntilOpenAsync(cancellationToken);
            outcome = await work(memberId, cancellationToken);
        }

        return outcome;
    }
}
