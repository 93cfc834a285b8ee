namespace Bot.Schedule;

/// <summary>
/// Runs the <see cref="IScheduledJob"/>s at every minute boundary of the host's <see cref="TimeProvider"/> (so
/// <c>CLOCK_START_UTC</c> moves the schedule too), one job after another. A job that fails is logged and asked
/// again at the next tick; it never stops the others or the bot.
/// </summary>
/// <remarks>
/// The jobs are resolved once the host has started (<paramref name="lifetime"/>), not with the hosted services: what
/// they need (the pictures' fonts, say) then never comes before the web host has bound its address, and a start that
/// fails says only why.
/// </remarks>
internal sealed class ScheduleTicker(
    IServiceProvider services, TimeProvider time, ILogger<ScheduleTicker> logger, IHostApplicationLifetime? lifetime = null)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (lifetime is not null)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                try
                {
                    await started.Task.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return; // The host stopped (or never started, say its address was taken): nothing to run.
                }
            }
        }

        var jobs = services.GetServices<IScheduledJob>().ToList();
        if (jobs.Count == 0)
        {
            return;
        }

        // The first tick right away: a post that fell due while the bot was down goes out as it comes back.
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            foreach (var job in jobs)
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
