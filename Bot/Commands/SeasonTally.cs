using Bot.Scoring;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>A season's standings with the participants they were computed for.</summary>
public sealed record SeasonTally(LoadedSeason Season, SeasonStandings Standings);
