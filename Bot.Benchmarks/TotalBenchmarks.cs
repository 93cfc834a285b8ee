using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Benchmarks.Data;
using Bot.Benchmarks.Generation;
using Bot.Benchmarks.Prototypes;
using Bot.Data.Queries;
using Bot.Scoring;

namespace Bot.Benchmarks;

/// <summary>
/// The whole /total computation for a 1,000-member season: read from SQLite, map the rows to
/// scoring's input, score. Target: under 500 ms. Setup checks the result equals scoring the
/// generated season directly, so the database round trip loses nothing.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TotalBenchmarks
{
    private SeasonDatabase _database = null!;
    private SeasonData _rows = null!;
    private FusedSeasonRead _fused = null!;

    [GlobalSetup]
    public void Setup()
    {
        _database = SeasonDatabase.CreateAsync(SeasonGenerator.Default()).GetAwaiter().GetResult();
        _rows = ReadAsync().GetAwaiter().GetResult();
        _fused = new FusedSeasonRead(_database.ContextFactory);
        var expected = SeasonScorer.Score(_database.Season.Input).Members;
        Check(expected, TotalAsync().GetAwaiter().GetResult().Members);
        Check(expected, ProposedTotalAsync().GetAwaiter().GetResult().Members);
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<SeasonStandings> TotalAsync()
    {
        var rows = await ReadAsync();
        return SeasonScorer.Score(Map(rows));
    }

    /// <summary>Prototype: ORDER BY p.member_id and rows read straight into scoring's input (<see cref="FusedSeasonRead"/>).</summary>
    [Benchmark]
    public async Task<SeasonStandings> ProposedTotalAsync()
    {
        var season = _database.Season;
        var input = await _fused.ReadInputAsync(
            _database.ChallengeId, season.Season, season.AsOf, Rules.Default, _database.FromLocal, _database.ToLocal);
        return SeasonScorer.Score(input);
    }

    /// <summary>The mapping step alone, from rows already read.</summary>
    [Benchmark]
    public SeasonInput MapRows() => Map(_rows);

    private Task<SeasonData> ReadAsync() =>
        _database.Queries.ReadSeasonAsync(_database.ChallengeId, _database.FromLocal, _database.ToLocal);

    private SeasonInput Map(SeasonData rows) =>
        SeasonRowMapper.ToInput(rows, _database.Season.Season, _database.Season.AsOf, Rules.Default, new ActivityKinds());

    private static void Check(IReadOnlyList<MemberStanding> expected, IReadOnlyList<MemberStanding> actual)
    {
        if (expected.Count != actual.Count)
        {
            throw new InvalidOperationException($"{actual.Count} members after the database round trip, expected {expected.Count}");
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].Total != actual[i].Total || expected[i].Id != actual[i].Id || !expected[i].Weeks.SequenceEqual(actual[i].Weeks))
            {
                throw new InvalidOperationException($"member {expected[i].Id} scores differently after the database round trip");
            }
        }
    }
}
