namespace Bot.Hosting;

/// <summary>The system clock moved by a fixed offset for wall-clock reads; timestamps and timers stay the system's.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>The system clock, or one that reads <paramref name="start"/> now and runs on from there.</summary>
    public static TimeProvider StartingAt(DateTimeOffset? start) =>
        start is { } at ? new ShiftedTimeProvider(at - System.GetUtcNow()) : System;
}
