namespace Bot.Data.Repositories;

/// <summary>An activity as the Strava sync hands it over. <paramref name="StartLocal"/> is wall-clock time.</summary>
public sealed record ActivityRecord(
    long Id,
    long MemberId,
    string? Name,
    string? Type,
    string? SportType,
    DateTime StartUtc,
    DateTime StartLocal,
    string? TimeZone,
    int MovingTime,
    int ElapsedTime,
    double Distance,
    double TotalElevationGain,
    string? SummaryPolyline);
