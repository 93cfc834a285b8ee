namespace Bot.Strava.Api;

internal sealed record StravaMap(string? SummaryPolyline);
