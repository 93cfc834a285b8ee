using Bot.Data.Entities;
using Bot.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data.Queries;

[Category(TestCategories.Integration)]
public sealed class SeasonQueriesTests
{
    private static readonly DateTime From = new(2024, 1, 1);
    private static readonly DateTime To = new(2024, 12, 30);

    [Test]
    public async Task ReadSeasonAsync_MixedData_ReturnsParticipantsInRangeActivitiesInOrderAndJokers()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenge = await TestData.AddChallengeAsync(database, seasonYear: 2024);
        var otherChallenge = await TestData.AddChallengeAsync(database, seasonYear: 2023);
        var anna = await TestData.AddMemberAsync(database, "Anna", discordUserId: 11, athleteId: 5001);
        var lukas = await TestData.AddMemberAsync(database, "Lukas", discordUserId: 12, athleteId: 5002);
        var outsider = await TestData.AddMemberAsync(database, "Otto", discordUserId: 13);
        var annaIn = await TestData.AddParticipationAsync(database, challenge, anna, jokersLeft: 1);
        var lukasIn = await TestData.AddParticipationAsync(database, challenge, lukas, jokersLeft: 0);
        await TestData.AddParticipationAsync(database, otherChallenge, outsider);
        var sameTime = new DateTime(2024, 1, 3, 7, 0, 0);
        await TestData.AddAsync(
            database,
            TestData.NewActivity(30, lukas, new DateTime(2024, 2, 1, 9, 0, 0)),
            TestData.NewActivity(12, anna, sameTime),
            TestData.NewActivity(11, anna, sameTime),
            TestData.NewActivity(10, anna, new DateTime(2024, 1, 5, 7, 0, 0), "Ride"),
            TestData.NewActivity(13, anna, new DateTime(2023, 12, 31, 23, 59, 59)),
            TestData.NewActivity(14, anna, To),
            TestData.NewActivity(15, anna, From),
            TestData.NewActivity(40, outsider, new DateTime(2024, 1, 10, 7, 0, 0)),
            new JokerWeek { ParticipationId = lukasIn.Id, Week = 4, CreatedAtUtc = TestData.Now });

        var season = await database.Get<SeasonQueries>().ReadSeasonAsync(challenge.Id, From, To);

        Assert.That(season.Members.Select(m => (m.ParticipationId, m.FirstName)), Is.EqualTo(new[] { (annaIn.Id, "Anna"), (lukasIn.Id, "Lukas") }));
        Assert.That(season.Members[0], Is.EqualTo(new SeasonMemberRow(annaIn.Id, anna.Id, 11, "Anna", "Tester", 5001, true, 1)));
        Assert.That(season.Activities.Select(a => a.Id), Is.EqualTo(new long[] { 15, 11, 12, 10, 30 }));
        var ride = season.Activities[3];
        Assert.That(ride with { KindId = 0 }, Is.EqualTo(new SeasonActivityRow(anna.Id, 10, 0, new DateTime(2024, 1, 5, 7, 0, 0).Ticks, 1800, 1900)));
        Assert.That(season.Kinds.Single(k => k.Id == ride.KindId), Is.EqualTo(new ActivityKindRow(ride.KindId, "Ride", "Ride")));
        Assert.That(season.Jokers, Is.EqualTo(new[] { new SeasonJokerRow(lukasIn.Id, 4) }));
    }

    [Test]
    public async Task ReadSeasonAsync_ChallengeWithoutParticipants_ReturnsEmptyLists()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenge = await TestData.AddChallengeAsync(database);

        var season = await database.Get<SeasonQueries>().ReadSeasonAsync(challenge.Id, From, To);

        Assert.That(season.Members, Is.Empty);
        Assert.That(season.Activities, Is.Empty);
        Assert.That(season.Jokers, Is.Empty);
    }

    [Test]
    public async Task ReadSeasonAsync_SyncStates_SyncingOnlyUntilAFirstBackfillCompleted()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenge = await TestData.AddChallengeAsync(database, seasonYear: 2024);
        var lastSync = new DateTime(2024, 2, 27, 6, 30, 0, DateTimeKind.Utc);
        var linking = await TestData.AddMemberAsync(database, "Linking", 1, 5001);
        var backfilled = await TestData.AddMemberAsync(database, "Backfilled", 2, 5002);
        var imported = await TestData.AddMemberAsync(database, "Imported", 3, 5003);
        var withActivities = await TestData.AddMemberAsync(database, "WithActivities", 4, 5004);
        var relinked = await TestData.AddMemberAsync(database, "Relinked", 5, 5005);
        var left = await TestData.AddMemberAsync(database, "Left", 6);
        foreach (var member in new[] { linking, backfilled, imported, withActivities, relinked, left })
        {
            await TestData.AddParticipationAsync(database, challenge, member);
        }

        await using (var context = await database.CreateContextAsync())
        {
            context.StravaSyncStates.AddRange(
                new StravaSyncState { MemberId = linking.Id, LastSyncAtUtc = lastSync },
                new StravaSyncState { MemberId = backfilled.Id, LastBackfillAtUtc = lastSync, BackfilledFromLocal = From, LastSyncAtUtc = lastSync },
                new StravaSyncState { MemberId = relinked.Id, LastBackfillAtUtc = null, BackfilledFromLocal = From, LastSyncAtUtc = lastSync });
            context.Activities.Add(TestData.NewActivity(1, withActivities, new DateTime(2024, 1, 3, 7, 0, 0)));
            (await context.Members.SingleAsync(m => m.Id == left.Id)).LeftAtUtc = lastSync;
            await context.SaveChangesAsync();
        }

        var season = await database.Get<SeasonQueries>().ReadSeasonAsync(challenge.Id, From, To);

        Assert.That(season.Members.Select(m => (m.FirstName, m.Syncing, m.LastSyncUtc, m.LeftAtUtc)), Is.EqualTo(new (string, bool, DateTime?, DateTime?)[]
        {
            ("Linking", true, lastSync, null),
            ("Backfilled", false, lastSync, null),
            ("Imported", true, null, null),
            ("WithActivities", false, null, null),
            ("Relinked", false, lastSync, null),
            ("Left", false, null, lastSync),
        }));
    }

    [Test]
    public async Task ReadSeasonAsync_FrozenParticipation_ReadsItsFrozenWeeks()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenge = await TestData.AddChallengeAsync(database, seasonYear: 2024);
        var anna = await TestData.AddMemberAsync(database, "Anna", 1);
        var ben = await TestData.AddMemberAsync(database, "Ben", 2, 5002);
        var annaIn = await TestData.AddParticipationAsync(database, challenge, anna);
        await TestData.AddParticipationAsync(database, challenge, ben);
        await using (var context = await database.CreateContextAsync())
        {
            (await context.Participations.SingleAsync(p => p.Id == annaIn.Id)).FrozenAtUtc = TestData.Now;
            context.FrozenWeekResults.AddRange(
                new FrozenWeekResult { ParticipationId = annaIn.Id, Week = 2, Points = 1, Status = "failed", Streak = 1, Amount = 10.25m },
                new FrozenWeekResult { ParticipationId = annaIn.Id, Week = 1, Points = 0, Status = "failed", Streak = 0, Amount = 5m });
            await context.SaveChangesAsync();
        }

        var season = await database.Get<SeasonQueries>().ReadSeasonAsync(challenge.Id, From, To);

        Assert.Multiple(() =>
        {
            Assert.That(season.Members.Select(m => m.Frozen), Is.EqualTo(new[] { true, false }));
            Assert.That(season.FrozenWeeks, Is.EqualTo(new[]
            {
                new FrozenWeekRow(annaIn.Id, 1, 0, "failed", 0, 5m),
                new FrozenWeekRow(annaIn.Id, 2, 1, "failed", 1, 10.25m),
            }));
        });
    }
}
