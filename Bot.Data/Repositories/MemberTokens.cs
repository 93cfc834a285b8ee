using Bot.Data.Entities;

namespace Bot.Data.Repositories;

/// <summary>A member's Strava tokens, for the token service only: never logged, never returned by an API.</summary>
public sealed record MemberTokens(
    long MemberId,
    long? DiscordUserId,
    long? AthleteId,
    string? AccessToken,
    string? RefreshToken,
    DateTime? ExpiresAtUtc,
    LinkState LinkState)
{
    public override string ToString() => $"MemberTokens {{ MemberId = {MemberId}, AthleteId = {AthleteId}, LinkState = {LinkState} }}";
}
