using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Scoring;
using Bot.Testing.Generation;

namespace Bot.Benchmarks;

/// <summary>
/// Where scoring's time goes: the weekly points loop alone, then a member's whole standing
/// (points plus the week statuses and amounts). Same season and units as <see cref="ScoringBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ScoringPartsBenchmarks
{
    private SeasonInput _season = null!;
    private CompiledRules _rules = null!;
    private SeasonCalendar _calendar;
    private ActivityInput[][] _activities = [];
    private int _lastWeek;
    private int _inProgress;

    [GlobalSetup]
    public void Setup()
    {
        _season = SeasonGenerator.Default().Input;
        _calendar = SeasonCalendar.For(_season.Season);
        _rules = new CompiledRules(_season.Rules, _season.Kinds, _calendar.WeekCount);
        _activities = [.. _season.Members.Select(member => (ActivityInput[])member.Activities)];
        _lastWeek = _calendar.LastReportedWeek(_season.AsOf);
        _inProgress = _calendar.InProgressWeek(_season.AsOf);
    }

    [Benchmark(OperationsPerInvoke = SeasonGenerator.SeasonActivities)]
    public long PointsLoop()
    {
        Span<long> points = stackalloc long[54];
        long sum = 0;
        foreach (var activities in _activities)
        {
            points.Clear();
            _ = WeekPoints.TryTally(activities, _rules, _calendar, 1, _lastWeek, points);
            sum += Checksum(points);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = SeasonGenerator.SeasonActivities)]
    public decimal MemberStandings()
    {
        decimal sum = 0;
        foreach (var member in _season.Members)
        {
            sum += MemberScorer.Score(member, _rules, _calendar, _lastWeek, _inProgress).Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = SeasonGenerator.SeasonActivities)]
    public SeasonStandings Season() => SeasonScorer.Score(_season);

    /// <summary>Every week's points, position-weighted, so that loops agreeing on it agree on each week.</summary>
    private static long Checksum(ReadOnlySpan<long> points)
    {
        long sum = 0;
        for (var week = 0; week < points.Length; week++)
        {
            sum = (sum * 31) + points[week];
        }

        return sum;
    }
}
