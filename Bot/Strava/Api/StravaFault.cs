namespace Bot.Strava.Api;

/// <summary>Strava's error body: a message and (resource, field, code) triples.</summary>
internal sealed record StravaFault(string? Message, IReadOnlyList<StravaFaultError>? Errors);
