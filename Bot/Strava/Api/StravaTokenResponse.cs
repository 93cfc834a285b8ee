namespace Bot.Strava.Api;

/// <summary>POST /oauth/token's answer. The athlete is only in the authorization_code answer.</summary>
internal sealed record StravaTokenResponse(
    string? TokenType,
    string? AccessToken,
    string? RefreshToken,
    long? ExpiresAt,
    long? ExpiresIn,
    StravaAthlete? Athlete)
{
    public override string ToString() => $"StravaTokenResponse {{ ExpiresAt = {ExpiresAt}, Athlete = {Athlete?.Id} }}";
}
