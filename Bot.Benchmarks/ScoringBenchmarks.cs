using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Scoring;
using Bot.Testing.Generation;

namespace Bot.Benchmarks;

/// <summary>
/// Scoring alone: a 1,000-member season already in memory, sorted as the database returns it.
/// One operation is one activity, so Mean is the time per activity and Op/s is activities per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ScoringBenchmarks
{
    private SeasonInput _season = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generated = SeasonGenerator.Default();
        if (generated.ActivityCount != SeasonGenerator.SeasonActivities)
        {
            throw new InvalidOperationException($"expected {SeasonGenerator.SeasonActivities} activities, got {generated.ActivityCount}");
        }

        _season = generated.Input;
        Console.WriteLine($"// Season: {Describe(SeasonScorer.Score(_season))}");
    }

    [Benchmark(OperationsPerInvoke = SeasonGenerator.SeasonActivities)]
    public SeasonStandings ScoreSeason() => SeasonScorer.Score(_season);

    /// <summary>A line in the log showing the data exercises every path: passes, failures, jokers, streaks.</summary>
    internal static string Describe(SeasonStandings standings)
    {
        var weeks = standings.Members.SelectMany(member => member.Weeks).ToList();
        var failed = weeks.Count(week => week.Status == WeekStatus.Failed);
        var jokers = weeks.Count(week => week.Status == WeekStatus.Joker);
        var longest = weeks.Count == 0 ? 0 : weeks.Max(week => week.Streak);
        var total = standings.Members.Sum(member => member.Total);
        return $"{standings.Members.Count} members, {weeks.Count} weeks, {failed} failed, {jokers} jokers, longest streak {longest}, total {total}";
    }
}
