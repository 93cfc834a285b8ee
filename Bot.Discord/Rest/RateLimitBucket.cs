namespace Bot.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket (or, until its hash is known, one route + major parameter).
/// Requests in a bucket go one at a time, so the headers of one answer govern the next request.
/// </summary>
internal sealed class RateLimitBucket
{
    // Timers may fire a few milliseconds early; never send before the reset the server named.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(20);
    private readonly Lock _lock = new();
    private int? _remaining;
    private long _resetAt;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public void Update(int remaining, TimeSpan resetAfter, TimeProvider time)
    {
        lock (_lock)
        {
            _remaining = remaining;
            _resetAt = time.GetTimestamp() + (long)((resetAfter + Margin).TotalSeconds * time.TimestampFrequency);
        }
    }

    public void BlockFor(TimeSpan delay, TimeProvider time) => Update(0, delay, time);

    public async Task WaitAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            if (_remaining is not 0)
            {
                return;
            }

            var now = time.GetTimestamp();
            wait = now >= _resetAt ? TimeSpan.Zero : TimeSpan.FromSeconds((_resetAt - now) / (double)time.TimestampFrequency);
            _remaining = null;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
