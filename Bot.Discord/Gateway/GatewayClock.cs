namespace Bot.Discord.Gateway;

/// <summary>
/// Synchronous waits for the gateway's dedicated threads. The wait itself is a kernel timed wait, so
/// it ends on time even when timer callbacks (which run on the thread pool) are starved; a
/// <see cref="TimeProvider"/> timer also wakes it so a fake clock drives it in tests.
/// </summary>
internal sealed class GatewayClock(TimeProvider timeProvider)
{
    // Bounds each real wait so a fake clock advanced in a race with timer creation is still seen.
    private static readonly TimeSpan MaxSlice = TimeSpan.FromMilliseconds(200);

    public TimeProvider TimeProvider => timeProvider;

    public long Now => timeProvider.GetTimestamp();

    public TimeSpan Since(long timestamp) => timeProvider.GetElapsedTime(timestamp);

    public long After(long timestamp, TimeSpan delay) => timestamp + (long)(delay.TotalSeconds * timeProvider.TimestampFrequency);

    /// <summary>Blocks until <paramref name="dueTimestamp"/>, <paramref name="wake"/> is set or cancellation.</summary>
    public void WaitUntil(long dueTimestamp, ManualResetEventSlim wake, CancellationToken cancellationToken)
    {
        var remaining = timeProvider.GetElapsedTime(Now, dueTimestamp);
        if (remaining <= TimeSpan.Zero || wake.IsSet || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        using var timer = timeProvider.CreateTimer(static s => ((ManualResetEventSlim)s!).Set(), wake, remaining, Timeout.InfiniteTimeSpan);
        remaining = timeProvider.GetElapsedTime(Now, dueTimestamp);
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        var slice = remaining < MaxSlice ? remaining : MaxSlice;
        try
        {
            wake.Wait(slice + TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond - 1), cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Sleeps for <paramref name="delay"/>; throws when cancelled.</summary>
    public void Sleep(TimeSpan delay, CancellationToken cancellationToken)
    {
        var due = After(Now, delay);
        using var wake = new ManualResetEventSlim();
        while (Now < due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WaitUntil(due, wake, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
