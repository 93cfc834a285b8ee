namespace Bot.Data.Queries;

/// <summary>
/// The columns scoring needs; <paramref name="StartLocalTicks"/> is the wall-clock start's ticks and
/// <paramref name="KindId"/> points into <see cref="SeasonData.Kinds"/>. A struct: a season has hundreds of
/// thousands of these, read into one buffer without an allocation each.
/// </summary>
public readonly record struct SeasonActivityRow(
    long MemberId,
    long Id,
    int KindId,
    long StartLocalTicks,
    int MovingTime,
    int ElapsedTime);
