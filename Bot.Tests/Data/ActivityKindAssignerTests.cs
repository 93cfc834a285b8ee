using Bot.Data.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data;

/// <summary>Activities carry the number of their (type, sport type) pair, kept in step on every save.</summary>
[Category(TestCategories.Integration)]
public sealed class ActivityKindAssignerTests
{
    private static readonly DateTime Start = new(2024, 1, 8, 18, 30, 0, DateTimeKind.Unspecified);

    private static ActivityRecord Record(long id, long memberId, string? type, string? sportType) => new(
        id, memberId, "Run " + id, type, sportType, DateTime.SpecifyKind(Start.AddHours(-1), DateTimeKind.Utc), Start,
        "(GMT+01:00) Europe/Vienna", 1800, 1900, 5000, 40, null);

    [Test]
    public async Task UpsertAsync_SamePairTwice_SharesOneKind()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var activities = database.Get<ActivityRepository>();

        await activities.UpsertAsync(Record(1, member.Id, "Run", "TrailRun"));
        await activities.UpsertAsync(Record(2, member.Id, "Run", "TrailRun"));
        await activities.UpsertAsync(Record(3, member.Id, null, "TrailRun"));
        await activities.UpsertAsync(Record(4, member.Id, null, null));
        await activities.UpsertAsync(Record(5, member.Id, null, null));

        await using var context = await database.CreateContextAsync();
        var kinds = await context.Activities.OrderBy(a => a.Id).Select(a => a.KindId).ToListAsync();
        Assert.That(await context.ActivityKinds.CountAsync(), Is.EqualTo(3));
        Assert.That((kinds[0] == kinds[1], kinds[1] != kinds[2], kinds[3] == kinds[4], kinds[2] != kinds[3]), Is.EqualTo((true, true, true, true)));
    }

    [Test]
    public async Task UpsertAsync_SportTypeChanged_PointsAtTheNewPair()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var activities = database.Get<ActivityRepository>();
        await activities.UpsertAsync(Record(1, member.Id, "Ride", "Ride"));

        await activities.UpsertAsync(Record(1, member.Id, "Ride", "GravelRide"));

        await using var context = await database.CreateContextAsync();
        var stored = await context.Activities.Include(a => a.Kind).SingleAsync();
        Assert.That((stored.Kind!.Type, stored.Kind.SportType, stored.SportType), Is.EqualTo(("Ride", "GravelRide", "GravelRide")));
    }

    [Test]
    public async Task UpsertAsync_ConcurrentNewPairs_NoDuplicateKinds()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var activities = database.Get<ActivityRepository>();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => activities.UpsertAsync(Record(100 + i, member.Id, i % 2 == 0 ? "Swim" : null, "Swim")))));

        await using var context = await database.CreateContextAsync();
        Assert.That(await context.ActivityKinds.CountAsync(), Is.EqualTo(2));
    }
}
