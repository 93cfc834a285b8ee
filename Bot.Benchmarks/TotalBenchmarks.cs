using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Benchmarks.Data;
using Bot.Benchmarks.Generation;
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

    [GlobalSetup]
    public void Setup()
    {
        _database = SeasonDatabase.CreateAsync(SeasonGenerator.Default()).GetAwaiter().GetResult();
        _rows = ReadAsync().GetAwaiter().GetResult();
        var expected = SeasonScorer.Score(_database.Season.Input).Members;
        var actual = TotalAsync().GetAwaiter().GetResult().Members;
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].Total != actual[i].Total || expected[i].Id != actual[i].Id || !expected[i].Weeks.SequenceEqual(actual[i].Weeks))
            {
                throw new InvalidOperationException($"member {expected[i].Id} scores differently after the database round trip");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<SeasonStandings> TotalAsync()
    {
        var rows = await ReadAsync();
        return SeasonScorer.Score(Map(rows));
    }

    /// <summary>The mapping step alone, from rows already read.</summary>
    [Benchmark]
    public SeasonInput MapRows() => Map(_rows);

    private Task<SeasonData> ReadAsync() =>
        _database.Queries.ReadSeasonAsync(_database.ChallengeId, _database.FromLocal, _database.ToLocal);

    private SeasonInput Map(SeasonData rows) =>
        SeasonRowMapper.ToInput(rows, _database.Season.Season, _database.Season.AsOf, Rules.Default, new ActivityKinds());
}
