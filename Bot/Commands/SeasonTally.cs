using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Standings;
using Bot.Threading;

namespace Bot.Commands;

/// <summary>A season's standings with the participants they were computed for.</summary>
public sealed record SeasonTally(LoadedSeason Season, SeasonStandings Standings)
{
    /// <summary>Reads the season, then scores it on the CPU queue; null when that queue is full.</summary>
    public static async Task<SeasonTally?> RunAsync(StandingsService standings, ICpuWorkQueue cpu, ChallengeRow challenge, DateOnly today)
    {
        var loaded = await standings.LoadSeasonAsync(challenge, today);
        return cpu.TryRun(() => SeasonScorer.Score(loaded.Input)) is { } work ? new SeasonTally(loaded, await work) : null;
    }
}
