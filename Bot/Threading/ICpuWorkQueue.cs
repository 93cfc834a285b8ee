namespace Bot.Threading;

/// <summary>
/// Where CPU-heavy work (the season tally) runs: dedicated threads, not the thread pool, behind a
/// bounded queue. Only synchronous delegates; I/O stays async and outside.
/// </summary>
public interface ICpuWorkQueue
{
    /// <summary>Queues <paramref name="work"/>; null when the queue is full, so the caller can say the bot is busy.</summary>
    Task<T>? TryRunAsync<T>(Func<T> work, CancellationToken cancellationToken = default);
}
