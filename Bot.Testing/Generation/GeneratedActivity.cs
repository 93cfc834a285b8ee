namespace Bot.Testing.Generation;

/// <summary>One synthetic activity as Strava would report it (strings, wall-clock start, seconds).</summary>
internal readonly record struct GeneratedActivity(
    long Id,
    string? Type,
    string? SportType,
    DateTime StartLocal,
    int MovingSeconds,
    int ElapsedSeconds);
