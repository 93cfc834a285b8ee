namespace Bot.Schedule;

/// <summary>
/// Runs the <see cref="IScheduledJob"/>s at every minute boundary of the host's <see cref="TimeProvider"/> (so
/// <c>CLOCK_START_UTC</c> moves the schedule too), one job after another. A job that fails is logged and asked
/// again at the next tick; it never stops the others or the bot.
/// </summary>
internal sealed class ScheduleTicker(IEnumerable<IScheduledJob> jobs, TimeProvider time, ILogger<ScheduleTicker> logger)
    : BackgroundService
{
    private readonly IScheduledJob[] _jobs = [.. jobs];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_jobs.Length == 0)
        {
            return;
        }

        // The first tick right away: a post that fell due while the bot was down goes out as it comes back.
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            foreach (var job in _jobs)
            {
                await RunAsync(job, now, stoppingToken);
            }

            await Task.Delay(UntilNextMinute(time.GetUtcNow()), time, stoppingToken);
        }
    }

    /// <summary>The time to the next whole minute (a moment past it, so the tick sees the new minute).</summary>
    internal static TimeSpan UntilNextMinute(DateTimeOffset now)
    {
        var intoMinute = TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerMinute);
        return TimeSpan.FromMinutes(1) - intoMinute + TimeSpan.FromMilliseconds(5);
    }

    private async Task RunAsync(IScheduledJob job, DateTimeOffset now, CancellationToken stoppingToken)
    {
        try
        {
            await job.RunDueAsync(now, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            ScheduleLog.JobFailed(logger, job.Name, exception);
        }
    }
}
