namespace Bot.Data.Repositories;

public sealed record ChallengeRow(
    long Id,
    long GuildId,
    int SeasonYear,
    string RulesJson,
    string? TimeZone,
    DateTime CreatedAtUtc);
