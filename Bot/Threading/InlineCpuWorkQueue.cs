namespace Bot.Threading;

/// <summary>Runs the work on the calling thread: for tests and tools that have no CPU threads.</summary>
public sealed class InlineCpuWorkQueue : ICpuWorkQueue
{
    public Task<T>? TryRunAsync<T>(Func<T> work, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(work());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }
}
