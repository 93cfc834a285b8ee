using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Benchmarks.Generation;
using Bot.Benchmarks.Prototypes;
using Bot.Scoring;

namespace Bot.Benchmarks;

/// <summary>
/// Today's member scoring against the changes proposed for Bot/Scoring (see <see cref="Prototypes"/>),
/// on the same season. Setup fails unless both give identical standings for every member.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ProposedScoringBenchmarks
{
    private SeasonInput _season = null!;
    private CompiledRules _rules = null!;
    private ProposedAmounts _amounts = null!;
    private SeasonCalendar _calendar;
    private int _lastWeek;
    private int _inProgress;

    [GlobalSetup]
    public void Setup()
    {
        _season = SeasonGenerator.Default().Input;
        _calendar = SeasonCalendar.For(_season.Season);
        _rules = new CompiledRules(_season.Rules, _season.Kinds, _calendar.WeekCount);
        _amounts = new ProposedAmounts(_rules.Amounts, _calendar.WeekCount);
        _lastWeek = _calendar.LastReportedWeek(_season.AsOf);
        _inProgress = _calendar.InProgressWeek(_season.AsOf);
        foreach (var member in _season.Members)
        {
            var today = MemberScorer.Score(member, _rules, _calendar, _lastWeek, _inProgress);
            var proposed = ProposedMemberScorer.Score(member, _rules, _amounts, _calendar, _lastWeek, _inProgress);
            if (today.Total != proposed.Total || today.Error != proposed.Error || !today.Weeks.SequenceEqual(proposed.Weeks))
            {
                throw new InvalidOperationException($"the proposed scorer disagrees for member {member.Id}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SeasonGenerator.SeasonActivities)]
    public decimal Today()
    {
        decimal sum = 0;
        foreach (var member in _season.Members)
        {
            sum += MemberScorer.Score(member, _rules, _calendar, _lastWeek, _inProgress).Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = SeasonGenerator.SeasonActivities)]
    public decimal Proposed()
    {
        decimal sum = 0;
        foreach (var member in _season.Members)
        {
            sum += ProposedMemberScorer.Score(member, _rules, _amounts, _calendar, _lastWeek, _inProgress).Total;
        }

        return sum;
    }
}
