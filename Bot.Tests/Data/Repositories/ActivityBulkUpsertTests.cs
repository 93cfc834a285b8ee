using Bot.Data.Queries;
using Bot.Data.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data.Repositories;

[Category(TestCategories.Integration)]
public sealed class ActivityBulkUpsertTests
{
    private static readonly DateTime Start = new(2024, 1, 8, 18, 30, 0, DateTimeKind.Unspecified);

    [Test]
    public async Task UpsertManyAsync_NewChangedAndUnchangedRecords_CountsOnlyRowsWrittenAndKeepsOneRowPerId()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var activities = database.Get<ActivityRepository>();
        await activities.UpsertManyAsync([Record(1, member.Id), Record(2, member.Id)]);

        var written = await activities.UpsertManyAsync([Record(1, member.Id), Record(2, member.Id, movingTime: 999), Record(3, member.Id), Record(3, member.Id)]);

        await using var context = await database.CreateContextAsync();
        var stored = await context.Activities.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(2), "2 changed, 3 new; 1 and the repeat of 3 unchanged");
            Assert.That(stored.Select(a => a.Id), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(stored[1].MovingTime, Is.EqualTo(999));
        });
    }

    [Test]
    public async Task UpsertManyAsync_RowsReadBackLikeEfWrites_DatesKindsAndTicks()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var challenge = await TestData.AddChallengeAsync(database);
        await TestData.AddParticipationAsync(database, challenge, member);
        var activities = database.Get<ActivityRepository>();

        await activities.UpsertManyAsync([Record(1, member.Id, sportType: "TrailRun"), Record(2, member.Id, sportType: "Padel", type: null)]);

        await using var context = await database.CreateContextAsync();
        var stored = await context.Activities.AsNoTracking().Include(a => a.Kind).OrderBy(a => a.Id).ToListAsync();
        var season = await database.Get<SeasonQueries>().ReadSeasonAsync(challenge.Id, Start.Date, Start.Date.AddDays(1));
        Assert.Multiple(() =>
        {
            Assert.That(stored[0].StartLocal, Is.EqualTo(Start));
            Assert.That(stored[0].StartUtc, Is.EqualTo(DateTime.SpecifyKind(Start.AddHours(-1), DateTimeKind.Utc)));
            Assert.That(stored[0].StartUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That((stored[0].Kind!.Type, stored[0].Kind!.SportType), Is.EqualTo(("Run", "TrailRun")));
            Assert.That((stored[1].Kind!.Type, stored[1].Kind!.SportType), Is.EqualTo(((string?)null, "Padel")));
            Assert.That(season.Activities.Count, Is.EqualTo(2), "the season read sees the bulk-written rows");
        });
    }

    [Test]
    public async Task ReplaceWindowAsync_StoredActivityNoLongerListed_DeletedOnlyInsideTheWindow()
    {
        await using var database = await TempDatabase.CreateAsync();
        var member = await TestData.AddMemberAsync(database, "Anna");
        var activities = database.Get<ActivityRepository>();
        await activities.UpsertManyAsync([Record(1, member.Id), Record(2, member.Id), Record(3, member.Id, start: Start.AddDays(30))]);

        var result = await activities.ReplaceWindowAsync(member.Id, Start.Date, Start.Date.AddDays(7), [Record(1, member.Id)]);

        await using var context = await database.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(result, Is.EqualTo(new WindowSyncResult(1, 0, 1)));
            Assert.That(await context.Activities.Select(a => a.Id).OrderBy(id => id).ToListAsync(), Is.EqualTo(new long[] { 1, 3 }));
        });
    }

    private static ActivityRecord Record(long id, long memberId, int movingTime = 1800, string sportType = "Run", string? type = "Run", DateTime? start = null) =>
        new(id, memberId, "Run " + id, type, sportType, DateTime.SpecifyKind((start ?? Start).AddHours(-1), DateTimeKind.Utc), start ?? Start,
            "(GMT+01:00) Europe/Vienna", movingTime, movingTime + 60, 5000, 40, null);
}
