using Bot.Data.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data.Repositories;

[Category(TestCategories.Integration)]
public sealed class ActivityRepositoryTests
{
    private static readonly DateTime Start = new(2024, 1, 8, 18, 30, 0, DateTimeKind.Unspecified);

    [Test]
    public async Task UpsertAsync_50ConcurrentUpsertsOfSameActivity_StoresOneRow()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var activities = database.Get<ActivityRepository>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => activities.UpsertAsync(Record(member.Id, movingTime: 1000 + i)))));

        await using var context = await database.CreateContextAsync();
        Assert.That(await context.Activities.CountAsync(), Is.EqualTo(1));
        Assert.That(outcomes.Count(o => o == ActivityUpsertOutcome.Inserted), Is.EqualTo(1));
        var stored = await context.Activities.SingleAsync();
        Assert.That(stored.MovingTime, Is.InRange(1000, 1049));
    }

    [Test]
    public async Task UpsertAsync_ChangedRecord_UpdatesTheStoredRow()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var activities = database.Get<ActivityRepository>();
        await activities.UpsertAsync(Record(member.Id, movingTime: 1800));

        var outcome = await activities.UpsertAsync(Record(member.Id, movingTime: 2400));
        var again = await activities.UpsertAsync(Record(member.Id, movingTime: 2400));

        await using var context = await database.CreateContextAsync();
        var stored = await context.Activities.AsNoTracking().SingleAsync();
        Assert.That(outcome, Is.EqualTo(ActivityUpsertOutcome.Updated));
        Assert.That(again, Is.EqualTo(ActivityUpsertOutcome.Unchanged));
        Assert.That(stored.MovingTime, Is.EqualTo(2400));
        Assert.That(stored.StartLocal, Is.EqualTo(Start));
        Assert.That(stored.StartLocal.Kind, Is.EqualTo(DateTimeKind.Unspecified));
        Assert.That(stored.StartUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public async Task DeleteAsync_StoredActivity_RemovesItAndReportsIt()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var activities = database.Get<ActivityRepository>();
        await activities.UpsertAsync(Record(member.Id, movingTime: 1800));

        var deleted = await activities.DeleteAsync(member.Id, 9001);
        var deletedAgain = await activities.DeleteAsync(member.Id, 9001);

        Assert.That(deleted, Is.True);
        Assert.That(deletedAgain, Is.False);
        Assert.That(await TestData.CountAsync(database, "activities"), Is.Zero);
    }

    private static ActivityRecord Record(long memberId, int movingTime) => new(
        Id: 9001,
        MemberId: memberId,
        Name: "Evening run",
        Type: "Run",
        SportType: "TrailRun",
        StartUtc: new DateTime(2024, 1, 8, 17, 30, 0, DateTimeKind.Utc),
        StartLocal: Start,
        TimeZone: "(GMT+01:00) Europe/Vienna",
        MovingTime: movingTime,
        ElapsedTime: movingTime + 60,
        Distance: 5000,
        TotalElevationGain: 120,
        SummaryPolyline: null);
}
