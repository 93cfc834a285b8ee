namespace Bot.Data.Legacy;

/// <summary>One year folder: the season's rules (as SCORING.md rules JSON) and its athletes.</summary>
public sealed record LegacySeason(int Year, string RulesJson, IReadOnlyDictionary<string, string> RulesValues, IReadOnlyList<LegacyAthlete> Athletes);
