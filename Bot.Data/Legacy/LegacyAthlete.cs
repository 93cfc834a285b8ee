namespace Bot.Data.Legacy;

/// <summary>One entry of the old bot's athletes.json, checked and typed.</summary>
public sealed record LegacyAthlete(
    long AthleteId,
    string FirstName,
    string LastName,
    string? ProfileMedium,
    string? AccessToken,
    string? RefreshToken,
    DateTime? TokenExpiresAtUtc,
    long? DiscordUserId,
    string? ConstantsJson,
    int JokersLeft,
    IReadOnlyList<int> JokerWeeks,
    IReadOnlyList<LegacyWeek> WeekResults);

/// <summary>A week result "W_R": R is 0 failed, 1 passed, 2 joker.</summary>
public sealed record LegacyWeek(int Week, int Result);
