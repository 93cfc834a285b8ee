namespace Bot.Scoring;

/// <summary>
/// One activity as scoring sees it. <paramref name="StartLocalTicks"/> is the wall-clock local start
/// (<see cref="DateTime.Ticks"/>, never converted from UTC); durations are already clamped at zero.
/// </summary>
/// <param name="Kind">The activity's (type, sport type) pair, interned in an <see cref="ActivityKinds"/>.</param>
public readonly record struct ActivityInput(
    long Id,
    int Kind,
    long StartLocalTicks,
    decimal MovingSeconds,
    long ElapsedSeconds);
