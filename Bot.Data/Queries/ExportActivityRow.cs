namespace Bot.Data.Queries;

/// <summary>An activity with every stored column; <paramref name="StartLocal"/> is wall-clock (Kind Unspecified).</summary>
public sealed record ExportActivityRow(
    long Id,
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
    string? SummaryPolyline,
    DateTime UpdatedAtUtc);
