using System.Text.Json;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Standings;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Hosting;

/// <summary>
/// /week, /total and /joker in the real bot process, on a seeded SQLite file, against the fake Discord:
/// each defers ephemerally, then posts the computed standings (only consenting members) or a private answer.
/// One bot process serves the fixture; each test gets a season of its own in a guild of its own, so what one test
/// changes (jokers, rules, members) no other test sees.
/// </summary>
[Category(TestCategories.Process)]
public sealed class SeasonCommandsEndToEndTests
{
    private const int Season = 2026;

    // The bot's calendar and the expectations share one pinned "now", so the seeded season stays current in any year.
    private const string Now = "2026-11-25T12:00:00Z";
    private static readonly DateOnly Today = new(2026, 11, 25);
    private BotWorld _world = null!;
    private string _database = null!;
    private FakeDiscordGateway _discord = null!;
    private SlashCommands _commands = null!;
    private long _guild = 4242;

    [OneTimeSetUp]
    public async Task StartBotAsync()
    {
        _world = await BotWorld.CreateAsync("commands");
        (_database, _discord) = (_world.Database, _world.Discord);
        await SeedMembersAsync();
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = Now }, strava: false);
        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public async Task StopBotAsync() => await _world.DisposeAsync();

    [SetUp]
    public async Task NewSeasonAsync()
    {
        _guild++;
        _commands = new SlashCommands(_discord, _guild);
        await SeedSeasonAsync();
    }

    [TearDown]
    public Task ReportAsync() => _world.Bot!.ReportIfFailedAsync();

    /// <summary>
    /// Anna ran three times in week 2, Lukas never; Anna and Lukas synced, Marie not yet. Their Strava tokens are never used:
    /// the bot runs without Strava settings.
    /// </summary>
    private async Task SeedMembersAsync()
    {
        // The ledger dates the data by the oldest sync.
        var seasonStart = new DateTime(2025, 12, 29);
        var world = WorldBuilder.For(_database).Member("Anna", 301).Strava(1301).Backfilled(new DateTimeOffset(2026, 1, 20, 8, 5, 0, TimeSpan.Zero), seasonStart);

        // 2026-01-05 is the Monday of ISO week 2 of 2026.
        for (var day = 0; day < 3; day++)
        {
            world.Activity(9000 + day, new DateTime(2026, 1, 5 + day, 7, 0, 0), movingSeconds: 2400, name: "Morning run", distance: 7000);
        }

        await world.Member("Lukas", 302).Strava(1302).Backfilled(new DateTimeOffset(2026, 1, 21, 9, 0, 0, TimeSpan.Zero), seasonStart)
            .Member("Marie", 303).Strava(1303).Syncing()
            .SeedAsync();
    }

    /// <summary>This test's season: all three with one joker each; Marie did not consent to channel reports.</summary>
    private async Task SeedSeasonAsync() =>
        await WorldBuilder.For(_database).Challenge(_guild, Season, """{"multiplier_on":false}""")
            .Member("Anna", 301).Existing()
            .Member("Lukas", 302).Existing()
            .Member("Marie", 303).Existing().NoConsent()
            .SeedAsync();

    private Task<(FakeRestRequest Private, IReadOnlyList<FakeRestRequest> Public)> InvokeAsync(
        string command, string optionsJson = "[]", long user = 301, bool inGuild = true, string permissions = "0") =>
        _commands.InvokeAsync(command, optionsJson, user, inGuild, permissions);

    private static string Text(IEnumerable<FakeRestRequest> posts) => SlashCommands.Text(posts);

    private async Task<SeasonStandings> ExpectedAsync()
    {
        await using var services = new ServiceCollection().AddChallengeData(_database).AddSingleton<StandingsService>().BuildServiceProvider();
        var challenge = (await services.GetRequiredService<ChallengeRepository>().GetAsync(_guild, Season))!;
        return SeasonScorer.Score(await services.GetRequiredService<StandingsService>().LoadAsync(challenge, Today));
    }

    [Test]
    public async Task Week_CompletedWeek_PostsPointsStatusAndAmountsOfConsentingMembersOnly()
    {
        var (note, posts) = await InvokeAsync("week", """[{"name":"week","type":4,"value":2}]""");

        var report = Text(posts);
        Assert.Multiple(() =>
        {
            Assert.That(note.Body, Does.Contain("Week 2"));
            Assert.That(report, Does.Contain("Anna Tester").And.Contain("3/3 ✅"));
            Assert.That(report, Does.Contain("Lukas Tester").And.Contain("0/3 ❌ 5.00 €"));
            Assert.That(report, Does.Not.Contain("Marie"));
            Assert.That(report, Does.Contain("1 member(s) not shown"));
        });
    }

    [Test]
    public async Task Week_FutureWeek_PrivateAnswerAndNothingPosted()
    {
        var (note, posts) = await InvokeAsync("week", """[{"name":"week","type":4,"value":53}]""");

        Assert.That((posts.Count, note.Body.Contains("53", StringComparison.Ordinal)), Is.EqualTo((0, true)), note.Body);
    }

    [Test]
    public async Task Total_Season_PostsEachConsentingMembersTotalAndThePot()
    {
        var expected = await ExpectedAsync();

        var (_, posts) = await InvokeAsync("total");

        var report = Text(posts);
        var anna = expected.Members.Single(m => m.Name == "Anna Tester").Total;
        var lukas = expected.Members.Single(m => m.Name == "Lukas Tester").Total;
        var pot = expected.Members.Sum(m => m.Total);
        Assert.Multiple(() =>
        {
            Assert.That(report, Does.Contain($"Anna Tester** — {Money.Format(anna, "€")}"));
            Assert.That(report, Does.Contain($"🤑 **Lukas Tester** — {Money.Format(lukas, "€")}"));
            Assert.That(report, Does.Contain($"Pot: {Money.Format(pot, "€")}"));
            Assert.That(report, Does.Contain("activity data as of 2026-01-20 08:05 UTC (1 member(s) not synced yet)"));
            Assert.That(report, Does.Not.Contain("Marie"));
        });
    }

    [Test]
    public async Task Joker_TwiceInTheCurrentWeek_SpendsThenRefunds()
    {
        var (first, _) = await InvokeAsync("joker", user: 302);
        var (second, _) = await InvokeAsync("joker", user: 302);

        Assert.That(first.Body, Does.Contain("Joker spent").And.Contain("Jokers left: 0"));
        Assert.That(second.Body, Does.Contain("taken back").And.Contain("Jokers left: 1"));
    }

    [Test]
    public async Task Joker_UnlinkedUser_ToldToLinkStrava()
    {
        var (answer, posts) = await InvokeAsync("joker", user: 999);

        Assert.That((posts.Count, answer.Body.Contains("/strava_auth", StringComparison.Ordinal)), Is.EqualTo((0, true)), answer.Body);
    }

    [Test]
    public async Task Total_InDirectMessage_ToldToUseAServer()
    {
        var (answer, posts) = await InvokeAsync("total", inGuild: false);

        Assert.That((posts.Count, answer.Body.Contains("server", StringComparison.Ordinal)), Is.EqualTo((0, true)), answer.Body);
    }

    [Test]
    public async Task AdminRulesSet_ByManagerWithValidValue_SavedAndEchoed()
    {
        var (answer, _) = await InvokeAsync("admin", """[{"name":"rules","type":2,"options":[{"name":"set","type":1,"options":[{"name":"key","type":3,"value":"price_per_week"},{"name":"value","type":3,"value":"4"}]}]}]""", permissions: "32");

        var rules = await RulesAsync();
        Assert.That((answer.Body.Contains("price_per_week", StringComparison.Ordinal), rules.PricePerWeek, rules.MultiplierOn), Is.EqualTo((true, 4m, false)));
    }

    [Test]
    public async Task AdminRulesSet_TwoAdminsAtOnceForDifferentKeys_BothLand()
    {
        static string Set(string key, string value) =>
            $$"""[{"name":"rules","type":2,"options":[{"name":"set","type":1,"options":[{"name":"key","type":3,"value":"{{key}}"},{"name":"value","type":3,"value":"{{value}}"}]}]}]""";

        var tokens = new[] { _commands.Send("admin", Set("price_per_week", "4"), user: 301, permissions: "32"), _commands.Send("admin", Set("points_required", "2"), user: 302, permissions: "32") };
        await Eventually.ThatAsync(
            () => tokens.All(t => _discord.RestRequests.Any(r => r.Method == "PATCH" && r.IsFor(t))),
            "both answers", TimeSpan.FromSeconds(30));

        var rules = await RulesAsync();
        var answers = _discord.RestRequests.Where(r => r.Method == "PATCH" && tokens.Any(t => r.IsFor(t))).Select(r => r.Body).ToList();
        Assert.That(answers, Has.All.Contain("is now"));
        Assert.That((rules.PricePerWeek, rules.PointsRequired, rules.MultiplierOn), Is.EqualTo((4m, 2m, false)), "both changes and the earlier rule");
    }

    [Test]
    public async Task AdminRulesSet_InvalidValue_NamedAndNothingChanged()
    {
        var (answer, _) = await InvokeAsync("admin", """[{"name":"rules","type":2,"options":[{"name":"set","type":1,"options":[{"name":"key","type":3,"value":"multiplier"},{"name":"value","type":3,"value":"0.5"}]}]}]""", permissions: "32");

        var rules = await RulesAsync();
        Assert.That((answer.Body.Contains("multiplier", StringComparison.Ordinal), answer.Body.Contains("Not changed", StringComparison.Ordinal), rules.Multiplier), Is.EqualTo((true, true, 2m)));
    }

    [Test]
    public async Task AdminRulesSet_ByMemberWithoutPermission_RefusedAndNothingChanged()
    {
        var (answer, _) = await InvokeAsync("admin", """[{"name":"rules","type":2,"options":[{"name":"reset","type":1}]}]""");

        var rules = await RulesAsync();
        Assert.That((answer.Body.Contains("Manage Server", StringComparison.Ordinal), rules.MultiplierOn), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task AdminSeasonStart_NextYear_CarriesMembersOverWithFreshJokers()
    {
        var (answer, _) = await InvokeAsync("admin", """[{"name":"season","type":2,"options":[{"name":"start","type":1,"options":[{"name":"year","type":4,"value":2027}]}]}]""", permissions: "32");

        await using var services = new ServiceCollection().AddChallengeData(_database).BuildServiceProvider();
        var next = await services.GetRequiredService<ChallengeRepository>().GetAsync(_guild, 2027);
        var members = await services.GetRequiredService<MemberRepository>().ListParticipantsAsync(next!.Id);
        Assert.That(answer.Body, Does.Contain("Season 2027 started with 3 member(s)"));
        Assert.That((members.Count, members.All(m => m.JokersLeft == 1), members.Count(m => !m.ConsentToReports), next.RulesJson.Contains("\"multiplier_on\":false", StringComparison.Ordinal)),
            Is.EqualTo((3, true, 1, true)));
    }

    private async Task<Rules> RulesAsync()
    {
        await using var services = new ServiceCollection().AddChallengeData(_database).BuildServiceProvider();
        return RulesJson.Parse((await services.GetRequiredService<ChallengeRepository>().GetAsync(_guild, Season))!.RulesJson);
    }

    [Test]
    public async Task Me_Member_PrivateWeeksWithOwnActivitiesOnlyEachMarkedWithWhatItEarned()
    {
        var (anna, annaPublic) = await InvokeAsync("me", user: 301);
        var (lukas, _) = await InvokeAsync("me", user: 302);

        var annaText = Text([anna]);
        Assert.Multiple(() =>
        {
            Assert.That(annaPublic, Is.Empty, "nothing public");
            Assert.That(annaText, Does.Contain("Week 2** — 3/3 ✅"));
            Assert.That(annaText.Split('\n').Count(l => l.Contains("Morning run · ⭐ +1", StringComparison.Ordinal)), Is.EqualTo(3), annaText);
            Assert.That(Text([lukas]), Does.Not.Contain("Morning run"));
        });
    }

    [Test]
    public async Task AdminMemberRemove_Mention_RemovedFromSeasonAndEchoed()
    {
        var (answer, _) = await InvokeAsync("admin", """[{"name":"member","type":2,"options":[{"name":"remove","type":1,"options":[{"name":"member","type":3,"value":"<@302>"}]}]}]""", permissions: "32");
        var (again, _) = await InvokeAsync("admin", """[{"name":"member","type":2,"options":[{"name":"remove","type":1,"options":[{"name":"member","type":3,"value":"302"}]}]}]""", permissions: "32");

        await using var services = new ServiceCollection().AddChallengeData(_database).BuildServiceProvider();
        var challenge = await services.GetRequiredService<ChallengeRepository>().GetAsync(_guild, Season);
        var members = await services.GetRequiredService<MemberRepository>().ListParticipantsAsync(challenge!.Id);
        Assert.That(answer.Body, Does.Contain("no longer in season 2026"));
        Assert.That(again.Body, Does.Contain("Nothing changed"));
        Assert.That(members.Select(m => m.FirstName), Is.EquivalentTo(new[] { "Anna", "Marie" }));
    }

    [Test]
    public async Task AdminStandingsRecompute_ReportsMembersAndPot()
    {
        var expected = await ExpectedAsync();

        var (answer, _) = await InvokeAsync("admin", """[{"name":"standings","type":2,"options":[{"name":"recompute","type":1}]}]""", permissions: "32");

        using var body = JsonDocument.Parse(answer.Body);
        Assert.That(body.RootElement.GetProperty("content").GetString(), Does.Contain($"3 member(s), pot {Money.Format(expected.Members.Sum(m => m.Total), "€")}"));
    }

    [Test]
    public async Task Joker_100AtOnceFromOneMember_EndsConsistent()
    {
        const int Count = 100;
        var tokens = Enumerable.Range(0, Count).Select(i => $"joker-burst-{i}").ToList();
        for (var i = 0; i < Count; i++)
        {
            _discord.Connections[^1].SendDispatch("INTERACTION_CREATE", $$$"""
                {"id":"{{{80000 + i}}}","application_id":"111","type":2,"token":"{{{tokens[i]}}}","version":1,"channel_id":"77",
                 "guild_id":"{{{_guild}}}","member":{"user":{"id":"302","username":"lukas"},"permissions":"0"},
                 "data":{"id":"1","name":"joker","type":1}}
                """);
        }

        await Eventually.ThatAsync(
            () => tokens.All(t => _discord.RestRequests.Any(r => r.Method == "PATCH" && r.IsFor(t))),
            "100 joker answers", TimeSpan.FromSeconds(60));

        var answers = _discord.RestRequests.Where(r => r.Method == "PATCH" && tokens.Any(r.IsFor)).ToList();
        var spent = answers.Count(a => a.Body.Contains("Joker spent", StringComparison.Ordinal));
        var refunded = answers.Count(a => a.Body.Contains("taken back", StringComparison.Ordinal));
        await using var services = new ServiceCollection().AddChallengeData(_database).BuildServiceProvider();
        var challenge = await services.GetRequiredService<ChallengeRepository>().GetAsync(_guild, Season);
        var lukas = (await services.GetRequiredService<MemberRepository>().ListParticipantsAsync(challenge!.Id)).Single(m => m.FirstName == "Lukas");
        var weeks = await services.GetRequiredService<JokerRepository>().ListWeeksAsync(lukas.ParticipationId);
        Assert.Multiple(() =>
        {
            Assert.That(answers, Has.Count.EqualTo(Count));
            Assert.That(lukas.JokersLeft + weeks.Count, Is.EqualTo(1), "jokers left + joker weeks = the season's one joker");
            Assert.That(lukas.JokersLeft, Is.GreaterThanOrEqualTo(0));
            Assert.That(spent - refunded, Is.EqualTo(weeks.Count), "every spend and refund the members were told about happened");
        });
    }
}
