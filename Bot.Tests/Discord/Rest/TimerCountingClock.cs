using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord.Rest;

/// <summary>
/// A fake clock that counts the timers created on it: a client that asked for a timer is waiting on it, so a test
/// knows the client has taken in what it was told (a 429's pause) before it sends the next request.
/// </summary>
internal sealed class TimerCountingClock(FakeTimeProvider fake) : TimeProvider
{
    private int _timers;

    public FakeTimeProvider Fake { get; } = fake;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return Fake.CreateTimer(callback, state, dueTime, period);
    }
}
