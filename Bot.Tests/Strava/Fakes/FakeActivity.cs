namespace Bot.Tests.Strava.Fakes;

/// <summary>
/// An activity as the fake Strava holds it. <see cref="StartLocal"/> is wall-clock time; the offset makes the UTC start.
/// <see cref="OnlyYou"/>: private to its athlete; otherwise any athlete's token can fetch it by id, as on Strava.
/// </summary>
internal sealed record FakeActivity(
    long Id,
    string Name,
    string? SportType,
    string? Type,
    DateTime StartLocal,
    TimeSpan UtcOffset,
    int MovingTime,
    int ElapsedTime,
    double Distance = 5000,
    bool OnlyYou = false)
{
    public DateTime StartUtc => DateTime.SpecifyKind(StartLocal - UtcOffset, DateTimeKind.Utc);

    public static FakeActivity Run(long id, DateTime startLocal, int movingMinutes = 40, TimeSpan? offset = null) =>
        new(id, $"Run {id}", "Run", "Run", startLocal, offset ?? TimeSpan.Zero, movingMinutes * 60, (movingMinutes * 60) + 120);
}
