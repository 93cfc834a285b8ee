using Bot.Data.Entities;
using Bot.Data.Queries;

namespace Bot.Tests.Data.Queries;

[Category(TestCategories.Integration)]
public sealed class ExportQueriesTests
{
    [Test]
    public async Task ReadMembersAsync_SeededSeason_ReturnsJokerWeeksAndInRangeActivitiesWithoutTokens()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenge = await TestData.AddChallengeAsync(database);
        var anna = await TestData.AddMemberAsync(database, "Anna", discordUserId: 11, athleteId: 5001);
        var annaIn = await TestData.AddParticipationAsync(database, challenge, anna, jokersLeft: 0);
        await TestData.AddAsync(
            database,
            TestData.NewActivity(2, anna, new DateTime(2024, 1, 9, 7, 0, 0), "Ride"),
            TestData.NewActivity(1, anna, new DateTime(2024, 1, 2, 7, 0, 0)),
            TestData.NewActivity(3, anna, new DateTime(2025, 1, 2, 7, 0, 0)),
            new JokerWeek { ParticipationId = annaIn.Id, Week = 2, CreatedAtUtc = TestData.Now });

        var members = await database.Get<ExportQueries>().ReadMembersAsync(challenge.Id, new DateTime(2024, 1, 1), new DateTime(2024, 12, 30));

        var member = members.Single();
        Assert.That((member.DiscordUserId, member.FirstName, member.StravaAthleteId, member.JokersLeft), Is.EqualTo(((long?)11, "Anna", (long?)5001, 0)));
        Assert.That(member.JokerWeeks, Is.EqualTo(new[] { 2 }));
        Assert.That(member.Activities.Select(a => a.Id), Is.EqualTo(new long[] { 1, 2 }));
        var ride = member.Activities[1];
        Assert.That((ride.SportType, ride.MovingTime, ride.Distance, ride.StartLocal), Is.EqualTo(("Ride", 1800, 5000.0, new DateTime(2024, 1, 9, 7, 0, 0))));
        Assert.That(ride.StartUtc, Is.EqualTo(new DateTime(2024, 1, 9, 6, 0, 0, DateTimeKind.Utc)));
        Assert.That(ride.StartUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(member.ToString() + string.Join(",", member.Activities), Does.Not.Contain("secret"));
    }
}
