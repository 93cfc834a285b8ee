namespace Bot.Strava.Api;

internal sealed record StravaFaultError(string? Resource, string? Field, string? Code);
