namespace Bot.Strava;

/// <summary>Wakes a waiting background loop; notifications while it is busy collapse into one.</summary>
internal sealed class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a notification or the delay, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wake = _semaphore.WaitAsync(timeout.Token);
        var timer = Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, time, timeout.Token);
        await Task.WhenAny(wake, timer);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _semaphore.Dispose();
}
