namespace Bot.Data.Queries;

/// <summary>The columns scoring needs; <paramref name="StartLocalTicks"/> is the wall-clock start's ticks.</summary>
public sealed record SeasonActivityRow(
    long MemberId,
    long Id,
    string? Type,
    string? SportType,
    long StartLocalTicks,
    int MovingTime,
    int ElapsedTime);
