namespace Bot.Discord.Rest;

/// <summary>
/// Discord's global limit (50 per second per bot) as a sliding window, plus the pause a global 429
/// imposes. Interaction and webhook routes never pass through here.
/// </summary>
internal sealed class GlobalRateLimiter(RestSettings settings, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<long> _sent = new();
    private long _pausedUntil;

    public void PauseFor(TimeSpan delay)
    {
        var until = time.GetTimestamp() + (long)(delay.TotalSeconds * time.TimestampFrequency);
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntil);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntil, until, current) != current);
    }

    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pause = Remaining(Interlocked.Read(ref _pausedUntil));
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause + TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
            }

            if (_sent.Count >= settings.GlobalRequestsPerWindow)
            {
                var oldest = _sent.Dequeue();
                var wait = settings.GlobalWindow - time.GetElapsedTime(oldest);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }

            _sent.Enqueue(time.GetTimestamp());
        }
        finally
        {
            _gate.Release();
        }
    }

    private TimeSpan Remaining(long until)
    {
        var now = time.GetTimestamp();
        return now >= until ? TimeSpan.Zero : TimeSpan.FromSeconds((until - now) / (double)time.TimestampFrequency);
    }

    public void Dispose() => _gate.Dispose();
}
