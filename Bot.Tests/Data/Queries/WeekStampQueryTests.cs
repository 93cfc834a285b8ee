using Bot.Data.Queries;

namespace Bot.Tests.Data.Queries;

[Category(TestCategories.Integration)]
public sealed class WeekStampQueryTests
{
    private static readonly DateTime Monday = new(2026, 11, 23);
    private static readonly DateTimeOffset Seeded = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task ReadAsync_SeededWeek_CountsEachMembersActivitiesOfThatWeekOnlyWithJokersAndConsents()
    {
        await using var database = await TempDatabase.CreateAsync();
        var world = await WorldBuilder.For(database).At(Seeded).Challenge(7, 2026)
            .Member("Anna", 301).Strava(1).Activity(1, Monday.AddHours(7)).Activity(2, Monday.AddDays(6).AddHours(23)).Activity(3, Monday.AddDays(7))
            .Member("Ben", 302).Strava(2).NoConsent().Jokers(0, 48)
            .SeedAsync();

        var stamp = await database.Get<WeekStampQuery>().ReadAsync(world.ChallengeId, 48, Monday, Monday.AddDays(7));

        Assert.Multiple(() =>
        {
            Assert.That(stamp.Members, Is.EquivalentTo(new Dictionary<long, MemberWeekStamp> { [world["Anna"].Id] = new(2, Seeded.UtcDateTime) }),
                "the next Monday's run is another week; Ben has none");
            Assert.That((stamp.Jokers, stamp.Consents), Is.EqualTo((1, 1)));
        });
    }

    [Test]
    public async Task ReadAsync_OtherChallenge_LeftOut()
    {
        await using var database = await TempDatabase.CreateAsync();
        await WorldBuilder.For(database).At(Seeded).Challenge(7, 2026).Member("Anna", 301).Strava(1).Activity(1, Monday.AddHours(7)).SeedAsync();
        var other = await WorldBuilder.For(database).At(Seeded).Challenge(8, 2026).Member("Cara", 303).Strava(3).SeedAsync();

        var stamp = await database.Get<WeekStampQuery>().ReadAsync(other.ChallengeId, 48, Monday, Monday.AddDays(7));

        Assert.That((stamp.Members.Count, stamp.Jokers, stamp.Consents), Is.EqualTo((0, 0, 1)));
    }
}
