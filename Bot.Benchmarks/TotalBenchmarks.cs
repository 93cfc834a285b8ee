using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Benchmarks.Data;
using Bot.Data.Queries;
using Bot.Scoring;
using Bot.Standings;
using Bot.Testing.Generation;

namespace Bot.Benchmarks;

/// <summary>
/// The whole /total computation for a 1,000-member season, as the bot runs it: read from SQLite,
/// map the rows to scoring's input (<see cref="SeasonInputMapper"/>), score. Target: under 500 ms.
/// Setup checks the result equals scoring the generated season directly, so the round trip loses nothing.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TotalBenchmarks
{
    private readonly ActivityKinds _kinds = new();
    private SeasonDatabase _database = null!;
    private SeasonData _rows = null!;

    [GlobalSetup]
    public void Setup()
    {
        _database = SeasonDatabase.CreateAsync(SeasonGenerator.Default()).GetAwaiter().GetResult();
        _rows = ReadAsync().GetAwaiter().GetResult();
        Check(SeasonScorer.Score(_database.Season.Input).Members, TotalAsync().GetAwaiter().GetResult().Members);
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<SeasonStandings> TotalAsync() => SeasonScorer.Score(Map(await ReadAsync()));

    /// <summary>The mapping step alone, from rows already read.</summary>
    [Benchmark]
    public SeasonInput MapRows() => Map(_rows);

    private Task<SeasonData> ReadAsync() =>
        _database.Queries.ReadSeasonAsync(_database.ChallengeId, _database.FromLocal, _database.ToLocal);

    private SeasonInput Map(SeasonData rows) =>
        SeasonInputMapper.Map(_database.Season.Season, _database.Season.AsOf, Rules.Default, rows, _kinds);

    private static void Check(IReadOnlyList<MemberStanding> expected, IReadOnlyList<MemberStanding> actual)
    {
        if (expected.Count != actual.Count)
        {
            throw new InvalidOperationException($"{actual.Count} members after the database round trip, expected {expected.Count}");
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].Total != actual[i].Total || !expected[i].Weeks.SequenceEqual(actual[i].Weeks))
            {
                throw new InvalidOperationException($"member {expected[i].Id} scores differently after the database round trip");
            }
        }
    }
}
