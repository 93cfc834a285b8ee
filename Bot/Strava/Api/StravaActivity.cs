namespace Bot.Strava.Api;

/// <summary>
/// The fields of a SummaryActivity or DetailedActivity the bot stores. <see cref="SportType"/> and
/// <see cref="Type"/> stay strings: Strava adds sports, and an unknown one must not fail the parse.
/// <see cref="StartDateLocal"/> is wall-clock time although Strava prints it with a Z.
/// </summary>
internal sealed record StravaActivity(
    long? Id,
    StravaAthlete? Athlete,
    string? Name,
    string? Type,
    string? SportType,
    string? StartDate,
    string? StartDateLocal,
    string? Timezone,
    int? MovingTime,
    int? ElapsedTime,
    double? Distance,
    double? TotalElevationGain,
    StravaMap? Map);
