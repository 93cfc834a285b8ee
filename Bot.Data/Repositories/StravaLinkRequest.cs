namespace Bot.Data.Repositories;

/// <summary>What a completed OAuth exchange stores for a Discord user.</summary>
public sealed record StravaLinkRequest(
    long DiscordUserId,
    long AthleteId,
    string FirstName,
    string LastName,
    string? ProfileMediumUrl,
    string AccessToken,
    string RefreshToken,
    DateTime ExpiresAtUtc,
    string Scopes)
{
    public override string ToString() => $"StravaLinkRequest {{ DiscordUserId = {DiscordUserId}, AthleteId = {AthleteId} }}";
}
