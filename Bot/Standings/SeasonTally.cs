using Bot.Scoring;

namespace Bot.Standings;

/// <summary>A season's standings with the participants they were computed for (same order).</summary>
public sealed record SeasonTally(LoadedSeason Season, SeasonStandings Standings);
