using Bot.Data.Entities;

namespace Bot.Data.Repositories;

/// <summary>A member without its secrets (tokens).</summary>
public sealed record MemberRow(
    long Id,
    long? DiscordUserId,
    long? StravaAthleteId,
    string FirstName,
    string LastName,
    string? ProfileMediumUrl,
    LinkState LinkState,
    string? Scopes,
    DateTime? TokenExpiresAtUtc,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc);
