using System.Text.Json.Nodes;
using Bot.Data.Repositories;

namespace Bot.Tests.Data.Repositories;

[Category(TestCategories.Integration)]
public sealed class ChallengeRepositoryTests
{
    [Test]
    public async Task SaveRulesAsync_ExistingSeason_ReplacesRulesInPlace()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenges = database.Get<ChallengeRepository>();
        var created = await challenges.SaveRulesAsync(7, 2024, """{"price_per_week":5}""");

        var updated = await challenges.SaveRulesAsync(7, 2024, """{"price_per_week":6}""");

        Assert.That(updated.Id, Is.EqualTo(created.Id));
        Assert.That((await challenges.GetAsync(7, 2024))!.RulesJson, Is.EqualTo("""{"price_per_week":6}"""));
        Assert.That(await TestData.CountAsync(database, "challenges"), Is.EqualTo(1));
    }

    [Test]
    public async Task ListSeasonsAsync_SeveralGuilds_ReturnsThisGuildsYearsAscending()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenges = database.Get<ChallengeRepository>();
        await challenges.SaveRulesAsync(7, 2025, "{}");
        await challenges.SaveRulesAsync(7, 2023, "{}");
        await challenges.SaveRulesAsync(8, 2026, "{}");

        var seasons = await challenges.ListSeasonsAsync(7);
        var latest = await challenges.GetLatestAsync(7);

        Assert.That(seasons, Is.EqualTo(new[] { 2023, 2025 }));
        Assert.That(latest!.SeasonYear, Is.EqualTo(2025));
        Assert.That(await challenges.GetLatestAsync(9), Is.Null);
    }

    [Test]
    public async Task EditRulesAsync_TwelveConcurrentWritersOnAFile_EveryKeyLands()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenges = database.Get<ChallengeRepository>();
        var challenge = await challenges.SaveRulesAsync(7, 2024, """{"price_per_week":5}""");
        var keys = Enumerable.Range(0, 12).Select(i => $"key_{i}").ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each writer on its own thread and connection, all released at once.
        var writers = keys.Select(key => Task.Run(async () =>
        {
            await start.Task;
            return await challenges.EditRulesAsync(challenge.Id, json => Set(json, key));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(writers);

        var stored = JsonNode.Parse((await challenges.GetAsync(7, 2024))!.RulesJson)!.AsObject();
        Assert.That(results.Select(r => r?.RulesJson), Has.None.Null);
        Assert.That(stored.Select(p => p.Key), Is.EquivalentTo(keys.Append("price_per_week")), "no writer lost another's key");
    }

    [Test]
    public async Task EditRulesAsync_EditRefuses_NothingStoredAndProblemReturned()
    {
        await using var database = await TempDatabase.CreateAsync();
        var challenges = database.Get<ChallengeRepository>();
        var challenge = await challenges.SaveRulesAsync(7, 2024, """{"price_per_week":5}""");

        var result = await challenges.EditRulesAsync(challenge.Id, _ => RulesEdit.Refuse("multiplier must be at least 1"));

        Assert.That(result!.Problem, Is.EqualTo("multiplier must be at least 1"));
        Assert.That((await challenges.GetAsync(7, 2024))!.RulesJson, Is.EqualTo("""{"price_per_week":5}"""));
    }

    [Test]
    public async Task EditRulesAsync_NoSuchSeason_NullAndEditNotCalled()
    {
        await using var database = await TempDatabase.CreateAsync();
        var called = false;

        var result = await database.Get<ChallengeRepository>().EditRulesAsync(404, json =>
        {
            called = true;
            return RulesEdit.Save(json);
        });

        Assert.That((result, called), Is.EqualTo(((RulesEdit?)null, false)));
    }

    [Test]
    public async Task StartSeasonAsync_PreviousSeasonWithAMemberWhoLeft_CarriesOverOnlyTheOthers()
    {
        await using var database = await TempDatabase.CreateAsync();
        var previous = await TestData.AddChallengeAsync(database, guildId: 7, seasonYear: 2025);
        var stays = await TestData.AddMemberAsync(database, "Stays", 1, 5001);
        var left = await TestData.AddMemberAsync(database, "Left", 2, 5002);
        await TestData.AddParticipationAsync(database, previous, stays);
        await TestData.AddParticipationAsync(database, previous, left);
        await database.Get<MemberDepartureRepository>().LeaveAsync(left.Id, []);

        var started = await database.Get<ChallengeRepository>().StartSeasonAsync(7, 2026, "{}", 1, previous.Id);

        var members = await database.Get<MemberRepository>().ListParticipantsAsync(started!.Challenge.Id);
        Assert.That((started.MembersCarriedOver, members.Select(m => m.FirstName)), Is.EqualTo((1, new[] { "Stays" })),
            "no data would come for a member who left: they join again by linking");
    }

    private static RulesEdit Set(string json, string key)
    {
        var rules = JsonNode.Parse(json)!.AsObject();
        rules[key] = 1;
        return RulesEdit.Save(rules.ToJsonString());
    }
}
