using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Bot.Data.Repositories;
using Bot.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bot.Benchmarks.Strava;

/// <summary>
/// The back-fill's write: 50,000 activities of 100 members upserted by Strava id in one transaction
/// (<see cref="ActivityRepository.UpsertManyAsync"/>) into a real SQLite file. Target: under 2 s.
/// Insert starts from an empty table; Update rewrites every row with a changed duration.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class ActivityUpsertBenchmarks
{
    public const int Activities = 50_000;
    private const int Members = 100;

    private static readonly string[] Sports = ["Run", "Ride", "TrailRun", "Walk", "Swim", "WeightTraining", "Yoga", "Hike"];

    private TempDatabase _database = null!;
    private ActivityRepository _repository = null!;
    private ActivityRecord[] _records = null!;
    private ActivityRecord[] _changed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _database = TempDatabase.CreateAsync().GetAwaiter().GetResult();
        var memberIds = SeedMembersAsync().GetAwaiter().GetResult();
        var start = new DateTime(2026, 1, 5, 6, 0, 0);
        _records = [.. Enumerable.Range(0, Activities).Select(i =>
        {
            var local = start.AddMinutes(i * 9.7);
            var sport = Sports[i % Sports.Length];
            return new ActivityRecord(10_000_000_000 + i, memberIds[i % Members], "Activity " + i, sport == "TrailRun" ? "Run" : sport, sport,
                DateTime.SpecifyKind(local.AddHours(-1), DateTimeKind.Utc), local, "(GMT+01:00) Europe/Vienna", 1800 + (i % 3600), 1900 + (i % 3600),
                5000 + i, 40, "a~l~Fjk~uOwHJy@P");
        })];
        _changed = [.. _records.Select(r => r with { MovingTime = r.MovingTime + 1 })];
        _repository = _database.Get<ActivityRepository>();
    }

    [IterationSetup(Target = nameof(InsertAsync))]
    public void EmptyTable()
    {
        using var context = _database.ContextFactory.CreateDbContext();
        context.Activities.ExecuteDelete();
    }

    [IterationSetup(Target = nameof(UpdateAsync))]
    public void FullTable()
    {
        EmptyTable();
        _repository.UpsertManyAsync(_records).GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> InsertAsync()
    {
        var written = await _repository.UpsertManyAsync(_records);
        return written == Activities ? written : throw new InvalidOperationException($"wrote {written}");
    }

    [Benchmark]
    public async Task<int> UpdateAsync()
    {
        var written = await _repository.UpsertManyAsync(_changed);
        return written == Activities ? written : throw new InvalidOperationException($"wrote {written}");
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<long[]> SeedMembersAsync()
    {
        var world = WorldBuilder.For(_database).At(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var names = Enumerable.Range(1, Members).Select(i => "Member" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < Members; i++)
        {
            world.Member(names[i], discordUserId: i + 1).Strava(athleteId: i + 1);
        }

        var seeded = await world.SeedAsync();
        return [.. names.Select(name => seeded[name].Id)];
    }
}
