using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Pictures;
using Bot.Scoring;
using Bot.Standings;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Discord.Rest;
using Bot.Tests.Pictures;
using Bot.Tests.Standings;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Hosting;

/// <summary>
/// /season, /total picture, /week's bars, /admin export and /export me in the real bot process on a
/// seeded SQLite file against the fake Discord: the files arrive as multipart parts and say what the
/// standings say. One process for the fixture; each test uses its own interaction token.
/// </summary>
[Category(TestCategories.Process)]
public sealed class PictureAndExportEndToEndTests
{
    private const long Guild = 4343;
    private const int Season = 2026;

    // The bot's calendar and the expectations share one pinned "now", so the seeded season stays current in any year.
    private const string Now = "2026-11-25T12:00:00Z";
    private static readonly DateOnly Today = new(2026, 11, 25);
    private const string Secret = "strava-secret-access-token";
    private BotWorld _world = null!;
    private string _database = null!;
    private FakeDiscordGateway _discord = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _world = await BotWorld.CreateAsync("pictures");
        (_database, _discord) = (_world.Database, _world.Discord);
        await SeedAsync();
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = Now }, strava: false);
        await Eventually.ThatAsync(() => _discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _world.DisposeAsync();

    [Test]
    public void Registration_NewCommandsAndOptions_AreRegisteredAndValidateAgainstTheSpec()
    {
        var put = _discord.RestRequests.First(r => r.Method == "PUT");
        using var body = JsonDocument.Parse(put.Body);
        var commands = body.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
        var schema = new Discord.Commands.DiscordSchema();

        Assert.That(commands.Keys, Is.SupersetOf(new[] { "season", "export", "admin", "total", "week" }));
        Assert.That(commands["total"].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "picture").GetProperty("type").GetInt32(), Is.EqualTo(5));
        Assert.That(commands["admin"].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "export").GetProperty("type").GetInt32(), Is.EqualTo(1));
        Assert.That(commands["export"].GetProperty("options")[0].GetProperty("name").GetString(), Is.EqualTo("me"));
        foreach (var (name, command) in commands)
        {
            Assert.That(schema.Errors("ApplicationCommandUpdateRequest", command.GetRawText()), Is.Empty, name);
        }
    }

    [Test]
    public async Task Help_ListsTheNewCommandsAndThePictureOption()
    {
        var (answer, pages) = await InvokeAsync("help");

        var text = string.Concat(pages.Prepend(answer).Select(page =>
        {
            using var body = JsonDocument.Parse(page.Body);
            return string.Concat(body.RootElement.GetProperty("embeds").EnumerateArray().Select(e => e.GetProperty("description").GetString()));
        }));
        Assert.That(text, Does.Contain("**/season**").And.Contain("**/export me**").And.Contain("**/admin export**").And.Contain("`picture` (optional)"));
    }

    [Test]
    public async Task Season_PostsAPngWithARowPerConsentingMemberAndEveryWeek()
    {
        var (note, posts) = await InvokeAsync("season", files: 1);

        var picture = await SingleFileAsync(posts, "season-2026.png");
        using var bitmap = GoldenImages.Decode(picture.Data);
        Assert.Multiple(() =>
        {
            Assert.That(note.Body, Does.Contain("Season 2026 picture posted below"));
            Assert.That(picture.ContentType, Is.EqualTo("image/png"));
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo(SeasonPictureRenderer.Size(SeasonCalendar.For(Season).WeekCount, 2)), "Anna and Lukas; Marie did not consent");
        });
    }

    [Test]
    public async Task Total_WithPicture_PostsTheLedgerAndThenTheSeasonPicture()
    {
        var (_, posts) = await InvokeAsync("total", """[{"name":"picture","type":5,"value":true}]""", files: 1);

        var picture = await SingleFileAsync(posts, "season-2026.png");
        using var bitmap = GoldenImages.Decode(picture.Data);
        Assert.That(posts.Any(p => p.Body.Contains("Pot:", StringComparison.Ordinal)), Is.True, "the ledger text comes first");
        Assert.That(bitmap.Height, Is.EqualTo(SeasonPictureRenderer.Size(53, 2).Height));
    }

    [Test]
    public async Task Week_CompletedWeek_PostsABarPerConsentingMember()
    {
        var (_, posts) = await InvokeAsync("week", """[{"name":"week","type":4,"value":2}]""", files: 1);

        var picture = await SingleFileAsync(posts, "week-2026-2.png");
        using var bitmap = GoldenImages.Decode(picture.Data);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo(WeekPictureRenderer.Size(2)));
    }

    [Test]
    public async Task AdminExport_ByManager_PrivateComputedFilesOfConsentingMembersThatMatchTheStandings()
    {
        var expected = await ExpectedAsync();
        var shown = expected.Members.Where(m => m.Name != "Marie Tester").ToList();

        var (answer, posts) = await InvokeAsync("admin", """[{"name":"export","type":1}]""", permissions: "32", files: 3);

        Assert.That(posts, Is.Empty, "nothing public");
        var body = await MultipartBody.ParseAsync(answer.Header("Content-Type"), answer.BodyBytes);
        var files = body.Parts.Where(p => p.FileName is not null).ToDictionary(p => p.FileName!);
        Assert.That(files.Keys, Is.EquivalentTo(new[] { "ledger-2026.csv", "weeks-2026.csv", "ledger-2026.json" }));
        using (var payload = JsonDocument.Parse(body["payload_json"].Text))
        {
            Assert.That(payload.RootElement.GetProperty("content").GetString(), Does.Contain("1 member(s) not included"));
        }

        var ledger = Csv.Parse(files["ledger-2026.csv"].Text);
        Assert.That(ledger[0], Is.EqualTo(LedgerCsv.MembersHeader.Split(',')));
        var totals = ledger.Skip(1).ToDictionary(r => r[1], r => decimal.Parse(r[8], System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(totals, Is.EquivalentTo(shown.ToDictionary(m => m.Name, m => m.Total)), "the consenting members, with the standings' total");

        var weeks = Csv.Parse(files["weeks-2026.csv"].Text).Skip(1).ToList();
        var expectedWeeks = shown.SelectMany(m => m.Weeks.Select(w => (m.Name, w.Week, w.Points, LedgerCsv.Status(w.Status, m.State), w.Amount))).ToList();
        Assert.That(weeks.Select(r => (r[1], int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), r[5], decimal.Parse(r[7], System.Globalization.CultureInfo.InvariantCulture))),
            Is.EquivalentTo(expectedWeeks));

        AssertJsonLedger(JsonNode.Parse(files["ledger-2026.json"].Text)!, expected, shown);
        AssertNothingRaw(files);
        Assert.That(body.Parts.Any(p => p.Text.Contains(Secret, StringComparison.Ordinal)), Is.False, "never a token");
    }

    /// <summary>The JSON ledger: computed fields only, the consenting members' totals and weeks as the standings say, the pot of everyone.</summary>
    private static void AssertJsonLedger(JsonNode json, SeasonStandings expected, IReadOnlyList<MemberStanding> shown)
    {
        var members = json["members"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(Keys(json), Is.EquivalentTo(new[] { "season", "as_of", "currency", "points_required", "members", "hidden", "pot" }));
            Assert.That(members.Select(m => Keys(m!)), Has.All.EquivalentTo(new[] { "id", "name", "weeks", "total" }));
            Assert.That(members.SelectMany(m => m!["weeks"]!.AsArray()).Select(w => Keys(w!)), Has.All.EquivalentTo(new[] { "week", "points", "status", "streak", "amount" }));
            Assert.That(members.ToDictionary(m => (string)m!["name"]!, m => (decimal)m!["total"]!), Is.EquivalentTo(shown.ToDictionary(m => m.Name, m => m.Total)));
            Assert.That(members.Select(m => (string)m!["id"]!), Is.EquivalentTo(new[] { "301", "302" }), "Discord ids, never Strava's");
            Assert.That(members.Single(m => (string)m!["id"]! == "301")!["weeks"]!.AsArray().Select(w => ((int)w!["week"]!, (long)w["points"]!, (string)w["status"]!, (int)w["streak"]!, (decimal)w["amount"]!)),
                Is.EqualTo(expected.Members.Single(m => m.Id == "301").Weeks.Select(w => (w.Week, w.Points, LedgerCsv.Status(w.Status, MemberState.Active), w.Streak, w.Amount))));
            Assert.That((int)json["hidden"]!, Is.EqualTo(1), "Marie did not consent");
            Assert.That((decimal)json["pot"]!, Is.EqualTo(expected.Members.Sum(m => m.Total)), "the pot counts everyone, as /total does");
            Assert.That((string)json["currency"]!, Is.EqualTo("€"));
        });
    }

    /// <summary>Nothing raw of anyone, in any file: no activity field, no seeded activity or athlete id, time, duration, title, route or sport.</summary>
    private static void AssertNothingRaw(IReadOnlyDictionary<string, MultipartBody.Part> files)
    {
        string[] fields = ["activities", "sport_type", "\"type\"", "start_date", "start_date_local", "timezone", "moving_time", "elapsed_time", "distance",
            "total_elevation_gain", "summary_polyline", "strava_athlete_id", "athlete", "first_name", "last_name", "joker_weeks", "legacy_week_results"];
        string[] values = ["9100", "9101", "9102", "1301", "1302", "1303", "2400", "2500", "7000", "T07:00", "2026-01-05", "Morning run", "abc123route", "Run", "Marie", Secret];
        foreach (var (name, file) in files)
        {
            Assert.Multiple(() =>
            {
                foreach (var field in fields)
                {
                    Assert.That(file.Text, Does.Not.Contain(field).IgnoreCase, $"{name} holds the field {field}");
                }

                foreach (var value in values)
                {
                    Assert.That(Regex.IsMatch(file.Text, $@"(?<![0-9A-Za-z]){Regex.Escape(value)}(?![0-9A-Za-z])"), Is.False, $"{name} holds {value}");
                }
            });
        }
    }

    [Test]
    public async Task CliExport_SameSeason_StaysCompleteWithEveryMembersActivities()
    {
        var cli = await BotProcess.RunAsync(_world.Folder, new Dictionary<string, string?> { ["DATABASE_PATH"] = _database, ["CHALLENGE_TIME_ZONE"] = "UTC" },
            "export", "--guild", Guild.ToString(System.Globalization.CultureInfo.InvariantCulture), "--season", "2026", "--as-of", "2026-11-25");

        Assert.That(cli.ExitCode, Is.Zero, cli.Error);
        var members = JsonNode.Parse(cli.Output)!["members"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(members.Select(m => (string)m!["first_name"]!), Is.EquivalentTo(new[] { "Anna", "Lukas", "Marie" }), "the operator's backup holds everyone");
            Assert.That(members.Single(m => (string)m!["first_name"]! == "Anna")!["activities"]!.AsArray().Select(a => (string)a!["name"]!), Is.All.EqualTo("Morning run"));
            Assert.That(cli.Output, Does.Contain("abc123route").And.Not.Contain(Secret));
        });
    }

    [Test]
    public async Task AdminExport_OverTheInteractionsAttachmentLimit_PrivateLineNamingTheCliVerbAndNoFiles()
    {
        var (answer, posts) = await InvokeAsync("admin", """[{"name":"export","type":1}]""", permissions: "32", extra: "\"attachment_size_limit\":100,");

        Assert.That(answer.Header("Content-Type"), Does.StartWith("application/json"));
        Assert.That(answer.Body, Does.Contain("Bot export --guild 4343 --season 2026"));
        Assert.That(posts, Is.Empty);
    }

    [Test]
    public async Task AdminExport_ByMemberWithoutPermission_RefusedWithoutFiles()
    {
        var (answer, _) = await InvokeAsync("admin", """[{"name":"export","type":1}]""", user: 302);

        Assert.That(answer.Header("Content-Type"), Does.StartWith("application/json"));
        Assert.That(answer.Body, Does.Contain("Manage Server"));
    }

    [Test]
    public async Task ExportMe_Member_OnlyTheirOwnDataWithActivitiesAndNoTokens()
    {
        var (answer, posts) = await InvokeAsync("export", """[{"name":"me","type":1}]""", user: 301, files: 2);

        Assert.That(posts, Is.Empty, "nothing public");
        var body = await MultipartBody.ParseAsync(answer.Header("Content-Type"), answer.BodyBytes);
        var json = body.Parts.Single(p => p.FileName == "my-data-2026.json").Text;
        var weeks = Csv.Parse(body.Parts.Single(p => p.FileName == "my-weeks-2026.csv").Text);
        using var document = JsonDocument.Parse(json);
        var members = document.RootElement.GetProperty("members");
        Assert.Multiple(() =>
        {
            Assert.That(members.GetArrayLength(), Is.EqualTo(1));
            Assert.That(members[0].GetProperty("first_name").GetString(), Is.EqualTo("Anna"));
            Assert.That(members[0].GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("name").GetString()), Is.All.EqualTo("Morning run"), "their own activities in full");
            Assert.That(json, Does.Not.Contain("Lukas").And.Not.Contain("Marie").And.Not.Contain(Secret));
            Assert.That(json, Does.Contain("abc123route"));
            Assert.That(weeks.Skip(1).Select(r => r[1]).Distinct(), Is.EqualTo(new[] { "Anna Tester" }));
            Assert.That(weeks.Skip(1).Single(r => r[2] == "2")[5], Is.EqualTo("passed"));
        });
    }

    [Test]
    public async Task ExportMe_UnlinkedUser_ToldToLinkStrava()
    {
        var (answer, _) = await InvokeAsync("export", """[{"name":"me","type":1}]""", user: 999);

        Assert.That(answer.Body, Does.Contain("/strava_auth"));
    }

    private static IEnumerable<string> Keys(JsonNode node) => node.AsObject().Select(p => p.Key);

    private static async Task<MultipartBody.Part> SingleFileAsync(IReadOnlyList<FakeRestRequest> posts, string fileName)
    {
        var multipart = posts.Where(p => p.Header("Content-Type")?.StartsWith("multipart/form-data", StringComparison.Ordinal) == true).ToList();
        Assert.That(multipart, Has.Count.EqualTo(1), "one message with the picture");
        var body = await MultipartBody.ParseAsync(multipart[0].Header("Content-Type"), multipart[0].BodyBytes);
        using var payload = JsonDocument.Parse(body["payload_json"].Text);
        Assert.That(payload.RootElement.TryGetProperty("flags", out _), Is.False, "the picture is public");
        Assert.That(payload.RootElement.GetProperty("attachments")[0].GetProperty("filename").GetString(), Is.EqualTo(fileName));
        return body["files[0]"];
    }

    private Task<(FakeRestRequest Private, IReadOnlyList<FakeRestRequest> Public)> InvokeAsync(
        string command, string optionsJson = "[]", long user = 301, string permissions = "0", int files = 0, string extra = "") =>
        new SlashCommands(_discord, Guild).InvokeAsync(command, optionsJson, user, permissions: permissions, files: files, settle: TimeSpan.FromMilliseconds(300), extra: extra);

    private async Task<SeasonStandings> ExpectedAsync()
    {
        await using var services = new ServiceCollection().AddChallengeData(_database).AddSingleton<StandingsService>().BuildServiceProvider();
        var challenge = (await services.GetRequiredService<ChallengeRepository>().GetAsync(Guild, Season))!;
        return SeasonScorer.Score(await services.GetRequiredService<StandingsService>().LoadAsync(challenge, Today));
    }

    /// <summary>Anna (with Strava tokens stored) ran three times in week 2, Lukas never; Marie did not consent. All three synced.</summary>
    private async Task SeedAsync()
    {
        var world = WorldBuilder.For(_database).Challenge(Guild, Season, """{"multiplier_on":false}""")
            .Member("Anna", 301).Strava(1301, Secret, Secret + "-refresh");

        // 2026-01-05 is the Monday of ISO week 2 of 2026.
        for (var day = 0; day < 3; day++)
        {
            world.Activity(9100 + day, new DateTime(2026, 1, 5 + day, 7, 0, 0), movingSeconds: 2400, name: "Morning run", distance: 7000, polyline: "abc123route");
        }

        await world.Member("Lukas", 302).Strava(1302, Secret, Secret + "-refresh")
            .Member("Marie", 303).Strava(1303, Secret, Secret + "-refresh").NoConsent()
            .SeedAsync();
    }
}
