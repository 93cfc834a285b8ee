using Bot.Data.Entities;
using Bot.Data.Repositories;

namespace Bot.Tests.Data.Repositories;

[Category(TestCategories.Integration)]
public sealed class MemberRepositoryTests
{
    [Test]
    public async Task DeleteAsync_MemberWithData_CascadesToActivitiesParticipationsAndJokerWeeks()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenge = await TestData.AddChallengeAsync(database);
        var anna = await TestData.AddMemberAsync(database, "Anna", discordUserId: 11);
        var lukas = await TestData.AddMemberAsync(database, "Lukas", discordUserId: 12);
        var annaIn = await TestData.AddParticipationAsync(database, challenge, anna);
        await TestData.AddParticipationAsync(database, challenge, lukas);
        await TestData.AddAsync(
            database,
            TestData.NewActivity(1, anna, new DateTime(2024, 1, 2)),
            TestData.NewActivity(2, anna, new DateTime(2024, 1, 3)),
            TestData.NewActivity(3, lukas, new DateTime(2024, 1, 3)),
            new JokerWeek { ParticipationId = annaIn.Id, Week = 2, CreatedAtUtc = TestData.Now },
            new StravaSyncState { MemberId = anna.Id });

        var deleted = await database.Get<MemberRepository>().DeleteAsync(anna.Id);

        Assert.That(deleted, Is.True);
        Assert.That(await TestData.CountAsync(database, "activities"), Is.EqualTo(1));
        Assert.That(await TestData.CountAsync(database, "participations"), Is.EqualTo(1));
        Assert.That(await TestData.CountAsync(database, "joker_weeks"), Is.Zero);
        Assert.That(await TestData.CountAsync(database, "strava_sync_states"), Is.Zero);
        Assert.That(await database.Get<MemberRepository>().GetByDiscordUserIdAsync(12), Is.Not.Null);
    }

    [Test]
    public async Task GetByStravaAthleteIdAsync_KnownAthlete_ReturnsMemberWithoutTokens()
    {
        await using var database = await TempDatabase.CreateAsync();
        var anna = await TestData.AddMemberAsync(database, "Anna", discordUserId: 11, athleteId: 5001);

        var row = await database.Get<MemberRepository>().GetByStravaAthleteIdAsync(5001);

        Assert.That(row, Is.Not.Null);
        Assert.That(row!.Id, Is.EqualTo(anna.Id));
        Assert.That(row.DiscordUserId, Is.EqualTo(11));
        Assert.That(row.ToString(), Does.Not.Contain("secret"));
    }

    [Test]
    public async Task ListParticipantsAsync_TwoChallenges_ReturnsOnlyThisChallengesMembersWithNames()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenge = await TestData.AddChallengeAsync(database, seasonYear: 2024);
        var other = await TestData.AddChallengeAsync(database, seasonYear: 2023);
        var anna = await TestData.AddMemberAsync(database, "Anna", discordUserId: 11);
        var lukas = await TestData.AddMemberAsync(database, "Lukas", discordUserId: 12);
        await TestData.AddParticipationAsync(database, challenge, anna);
        await TestData.AddParticipationAsync(database, other, lukas);

        var participants = await database.Get<MemberRepository>().ListParticipantsAsync(challenge.Id);

        Assert.That(participants.Select(p => p.FirstName), Is.EqualTo(new[] { "Anna" }));
    }

    [Test]
    public async Task JoinAsync_Twice_KeepsOneParticipation()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenge = await TestData.AddChallengeAsync(database);
        var anna = await TestData.AddMemberAsync(database, "Anna", discordUserId: 11);
        var members = database.Get<MemberRepository>();

        var first = await members.JoinAsync(challenge.Id, anna.Id, jokers: 1, consentToReports: false);
        var second = await members.JoinAsync(challenge.Id, anna.Id, jokers: 3, consentToReports: true);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.JokersLeft, Is.EqualTo(1));
        Assert.That(await TestData.CountAsync(database, "participations"), Is.EqualTo(1));
    }
}
