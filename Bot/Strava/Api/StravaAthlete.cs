namespace Bot.Strava.Api;

/// <summary>The athlete summary Strava sends with a token or an activity.</summary>
internal sealed record StravaAthlete(long? Id, string? Firstname, string? Lastname, string? ProfileMedium);
