using Bot.Data.Entities;
using Bot.Data.Queries;

namespace Bot.Tests.Data;

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
}
