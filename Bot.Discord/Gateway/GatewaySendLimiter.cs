namespace Bot.Discord.Gateway;

/// <summary>
/// Discord's 120 payloads per 60 s per connection, heartbeats included, as a sliding window on the
/// monotonic clock. Other payloads may only use the slots not reserved for heartbeats.
/// Not thread-safe: the owner serialises calls.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider timeProvider)
{
    public const int Limit = 120;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly List<long> _sent = new(Limit);

    public int ReservedForHeartbeats { get; private set; } = 4;

    /// <summary>Reserves one slot per heartbeat a window can hold, plus two for server-requested beats.</summary>
    public void ReserveFor(TimeSpan heartbeatInterval) =>
        ReservedForHeartbeats = Math.Min(Limit / 2, (int)Math.Ceiling(Window / heartbeatInterval) + 2);

    public bool TryAcquire(bool heartbeat, out TimeSpan retryAfter)
    {
        var now = timeProvider.GetTimestamp();
        var expired = 0;
        while (expired < _sent.Count && timeProvider.GetElapsedTime(_sent[expired], now) >= Window)
        {
            expired++;
        }

        _sent.RemoveRange(0, expired);
        var capacity = heartbeat ? Limit : Limit - ReservedForHeartbeats;
        if (_sent.Count < capacity)
        {
            _sent.Add(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }

        // The oldest entry whose expiry brings the count below capacity.
        var blocking = _sent[_sent.Count - capacity];
        retryAfter = Window - timeProvider.GetElapsedTime(blocking, now);
        if (retryAfter <= TimeSpan.Zero)
        {
            retryAfter = TimeSpan.FromMilliseconds(1);
        }

        return false;
    }
}
