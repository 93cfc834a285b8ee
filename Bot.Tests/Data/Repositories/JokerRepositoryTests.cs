using Bot.Data.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data.Repositories;

[Category(TestCategories.Integration)]
public sealed class JokerRepositoryTests
{
    [Test]
    public async Task ToggleAsync_NoJokerOnWeekAndOneLeft_SpendsIt()
    {
        await using var database = await TempDatabase.CreateAsync();
        var participationId = await SeedAsync(database, jokersLeft: 1);

        var result = await database.Get<JokerRepository>().ToggleAsync(participationId, 4);

        Assert.That(result, Is.EqualTo(new JokerToggleResult(JokerToggleOutcome.Spent, 0)));
        Assert.That(await database.Get<JokerRepository>().ListWeeksAsync(participationId), Is.EqualTo(new[] { 4 }));
    }

    [Test]
    public async Task ToggleAsync_JokerAlreadyOnWeek_RefundsIt()
    {
        await using var database = await TempDatabase.CreateAsync();
        var participationId = await SeedAsync(database, jokersLeft: 1);
        var jokers = database.Get<JokerRepository>();
        await jokers.ToggleAsync(participationId, 4);

        var result = await jokers.ToggleAsync(participationId, 4);

        Assert.That(result, Is.EqualTo(new JokerToggleResult(JokerToggleOutcome.Refunded, 1)));
        Assert.That(await jokers.ListWeeksAsync(participationId), Is.Empty);
    }

    [Test]
    public async Task ToggleAsync_NoneLeft_ChangesNothing()
    {
        await using var database = await TempDatabase.CreateAsync();
        var participationId = await SeedAsync(database, jokersLeft: 1);
        var jokers = database.Get<JokerRepository>();
        await jokers.ToggleAsync(participationId, 3);

        var result = await jokers.ToggleAsync(participationId, 5);

        Assert.That(result, Is.EqualTo(new JokerToggleResult(JokerToggleOutcome.NoneLeft, 0)));
        Assert.That(await jokers.ListWeeksAsync(participationId), Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public async Task ToggleAsync_200ConcurrentTogglesForOneMember_CountStaysConsistent()
    {
        await using var database = await TempDatabase.CreateAsync();
        var participationId = await SeedAsync(database, jokersLeft: 1);
        var jokers = database.Get<JokerRepository>();

        // Each toggle opens its own context (and pooled connection) from the factory.
        var results = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => jokers.ToggleAsync(participationId, 1 + (i % 3)))));

        await using var context = await database.CreateContextAsync();
        var jokersLeft = await context.Participations.Where(p => p.Id == participationId).Select(p => p.JokersLeft).SingleAsync();
        var rows = await context.JokerWeeks.CountAsync(j => j.ParticipationId == participationId);
        var spent = results.Count(r => r.Outcome == JokerToggleOutcome.Spent);
        var refunded = results.Count(r => r.Outcome == JokerToggleOutcome.Refunded);
        Assert.That(jokersLeft + rows, Is.EqualTo(1), "a joker is either left or spent on a week");
        Assert.That(jokersLeft, Is.GreaterThanOrEqualTo(0));
        Assert.That(results.Select(r => r.JokersLeft), Is.All.InRange(0, 1));
        Assert.That(spent - refunded, Is.EqualTo(rows), "every committed toggle is accounted for: no lost update");
        Assert.That(spent + refunded, Is.GreaterThan(0));
    }

    private static async Task<long> SeedAsync(TempDatabase database, int jokersLeft)
    {
        var challenge = await TestData.AddChallengeAsync(database);
        var member = await TestData.AddMemberAsync(database, "Lukas", discordUserId: 42);
        var participation = await TestData.AddParticipationAsync(database, challenge, member, jokersLeft);
        return participation.Id;
    }
}
