using System.Diagnostics.Metrics;

namespace Bot.Threading;

/// <summary>
/// <see cref="ICpuWorkQueue"/> on a <see cref="DedicatedThreadTaskScheduler"/>: admits at most
/// <see cref="DedicatedThreadTaskScheduler.Capacity"/> work items queued or running, refuses the rest at once.
/// </summary>
/// <remarks>
/// Cancelling stops the caller's wait at once; work already running finishes (its result is dropped),
/// work still queued is skipped when a worker reaches it. Either way it holds its slot until then.
/// </remarks>
internal sealed class CpuWorkQueue : ICpuWorkQueue, IDisposable
{
    /// <summary>The meter of the bot's own measurements (the Discord client has its own, Bot.Discord).</summary>
    public const string MeterName = "ChallengeBot";

    // One warning per burst of refusals, not one per refusal.
    private static readonly TimeSpan QueueFullLogInterval = TimeSpan.FromSeconds(30);

    private readonly DedicatedThreadTaskScheduler _scheduler;
    private readonly ILogger<CpuWorkQueue> _logger;
    private readonly TimeProvider _timeProvider;
    private int _inFlight;
    private long _refusedSinceLog;
    private long _lastLogTimestamp;
    private int _hasLogged;
    private readonly Meter _meter;
    private readonly Counter<long> _refused;

    public CpuWorkQueue(DedicatedThreadTaskScheduler scheduler, ILogger<CpuWorkQueue> logger, TimeProvider timeProvider, IMeterFactory? meters = null)
    {
        _scheduler = scheduler;
        _logger = logger;
        _timeProvider = timeProvider;
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge("challengebot.cpu.queue.length", () => InFlight, "{item}", "Tallies queued or running on the CPU scheduler");
        _meter.CreateObservableGauge("challengebot.cpu.queue.limit", () => Limit, "{item}", "Tallies allowed queued or running at once (CPU_QUEUE_LIMIT)");
        _refused = _meter.CreateCounter<long>("challengebot.cpu.refused", "{item}", "Tallies refused because the queue was full (the user was told the bot is busy)");
    }

    /// <summary>For listeners that want this queue's instruments only (tests).</summary>
    public Meter Meter => _meter;

    public void Dispose() => _meter.Dispose();

    /// <summary>Work items queued or running now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public int Limit => _scheduler.Capacity;

    public Task<T>? TryRunAsync<T>(Func<T> work, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (Interlocked.Increment(ref _inFlight) > Limit)
        {
            Release();
            Refused();
            return null;
        }

        Task<T> task;
        try
        {
            // HideScheduler: inside the work, and in awaits it makes, TaskScheduler.Current is the default.
            task = Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.HideScheduler | TaskCreationOptions.DenyChildAttach, _scheduler);
        }
        catch (Exception exception) when (exception is TaskSchedulerException or ObjectDisposedException)
        {
            // The scheduler is shutting down: busy, as far as the caller is concerned.
            Release();
            return null;
        }

        // The work's task completes on a cpu-worker thread, and an await continuation would run inline
        // there; the caller awaits a copy whose continuations run on the pool. The slot stays taken until
        // the work's task is done: one cancelled while queued is skipped only when a worker reaches it.
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = task.ContinueWith(
            static (completed, state) =>
            {
                var (queue, completion) = ((CpuWorkQueue, TaskCompletionSource<T>))state!;
                queue.Release();
                completion.TrySetFromTask(completed);
            },
            (this, completion),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return completion.Task.WaitAsync(cancellationToken);
    }

    private void Release() => Interlocked.Decrement(ref _inFlight);

    private void Refused()
    {
        _refused.Add(1);
        var refused = Interlocked.Increment(ref _refusedSinceLog);
        var now = _timeProvider.GetTimestamp();
        var last = Interlocked.Read(ref _lastLogTimestamp);
        var due = Volatile.Read(ref _hasLogged) == 0 || _timeProvider.GetElapsedTime(last, now) >= QueueFullLogInterval;
        if (!due || Interlocked.CompareExchange(ref _lastLogTimestamp, now, last) != last)
        {
            return;
        }

        Volatile.Write(ref _hasLogged, 1);
        Interlocked.Add(ref _refusedSinceLog, -refused);
        ThreadingLog.QueueFull(_logger, Limit, refused);
    }
}
