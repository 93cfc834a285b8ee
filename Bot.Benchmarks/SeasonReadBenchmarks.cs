using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Bot.Benchmarks.Data;
using Bot.Data.Queries;
using Bot.Testing.Generation;

namespace Bot.Benchmarks;

/// <summary>
/// The season read from a real SQLite file: 1,000 participants × a full season (416,000 activities),
/// through <see cref="SeasonQueries.ReadSeasonAsync"/>. One operation is the whole read.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SeasonReadBenchmarks
{
    private SeasonDatabase _database = null!;

    [GlobalSetup]
    public void Setup()
    {
        _database = SeasonDatabase.CreateAsync(SeasonGenerator.Default()).GetAwaiter().GetResult();
        var data = ReadSeasonAsync().GetAwaiter().GetResult();
        if (data.Activities.Count != SeasonGenerator.SeasonActivities || data.Members.Count != SeasonGenerator.Members)
        {
            throw new InvalidOperationException($"seeded {data.Members.Count} members and {data.Activities.Count} activities");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<SeasonData> ReadSeasonAsync() =>
        _database.Queries.ReadSeasonAsync(_database.ChallengeId, _database.FromLocal, _database.ToLocal);
}
