using System.Globalization;
using System.Text.Json;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

/// <summary>
/// The public scoring cases as data for the whole bot: each case is seeded into a real SQLite file
/// (rules, members, jokers, activities), the real bot process runs with its calendar at the case's
/// <c>as_of</c>, and <c>/total</c> and <c>/week N</c> for every week of the season so far are sent
/// through the fake Discord. The posted embeds must carry the expected file's points, statuses,
/// amounts and totals, formatted as members read them. Cases that share an <c>as_of</c> share one bot
/// process, each case in a guild of its own (their members, Strava athletes and activities are distinct);
/// the cases run ordered by <c>as_of</c>, so one bot runs at a time.
/// </summary>
[Category(TestCategories.Process)]
public sealed class PublicCasesEndToEndTests
{
    private const long FirstGuild = 5151;

    // Someone in the guild who is not in the case: what everyone sees.
    private const long Viewer = 42;

    private static readonly IReadOnlyList<PublicCase> All = [.. Directory.GetFiles(RepositoryPaths.PublicCases, "*.expected.json")
        .Select(path => PublicCase.Read(path[..^".expected.json".Length] + ".json"))
        .OrderBy(c => c.AsOf)
        .ThenBy(c => c.Name, StringComparer.Ordinal)];

    private SharedBot? _bot;

    public static IEnumerable<TestCaseData> Cases() =>
        All.Select(c => new TestCaseData(c.Name).SetName($"Commands_{c.Name}_PostExpectedStandings"));

    [OneTimeTearDown]
    public async Task StopBot() => await StopAsync();

    [TearDown]
    public async Task RestartAfterFailure()
    {
        // Disposing prints the bot's log for the failed test; the next case starts a fresh bot.
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await StopAsync();
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Commands_PublicCase_PostExpectedStandings(string name)
    {
        var @case = All.Single(c => c.Name == name);
        using var input = JsonDocument.Parse(await File.ReadAllBytesAsync(@case.InputPath));
        using var expected = JsonDocument.Parse(await File.ReadAllBytesAsync(@case.InputPath[..^".json".Length] + ".expected.json"));
        var season = input.RootElement.GetProperty("season").GetInt32();
        var required = input.RootElement.GetProperty("rules").TryGetProperty("points_required", out var p) ? p.GetDecimal() : 3m;
        var members = expected.RootElement.GetProperty("members").EnumerateArray().Select(ExpectedMember.Read).ToList();
        var bot = await BotOnAsync(@case.AsOf);
        var client = new SlashCommands(bot.World.Discord, bot.Guilds[name]);

        // /week only knows the current season: cases whose as_of lies in a later ISO year are checked by /total alone.
        var inSeason = ISOWeek.GetYear(@case.AsOf.ToDateTime(TimeOnly.MinValue)) == season;
        var weeks = inSeason ? members.SelectMany(m => m.Weeks.Keys).Distinct().Order().ToList() : [];
        var total = client.Send("total", $$"""[{"name":"season","type":4,"value":{{season}}}]""", user: Viewer);
        var weekTokens = weeks.ToDictionary(w => w, w => client.Send("week", $$"""[{"name":"week","type":4,"value":{{w}}}]""", user: Viewer));

        AssertTotalShows(await client.PublicTextAsync(total, [.. members.Select(m => m.Name), "Pot:"]), members);
        foreach (var (week, token) in weekTokens)
        {
            AssertWeekShows(await client.PublicTextAsync(token, [.. members.Select(m => m.Name)]), week, members, required);
        }

        var defers = weekTokens.Values.Prepend(total).Sum(token => client.Mine(token).Count(r => r.Method == "POST" && r.Path.EndsWith("/callback", StringComparison.Ordinal)));
        Assert.That(defers, Is.EqualTo(1 + weeks.Count), "one defer per interaction");
    }

    /// <summary>
    /// The bot whose clock stands at <paramref name="asOf"/> (12:00 UTC), with every case of that day seeded, each in
    /// its own guild; the bot of the previous day is stopped first.
    /// </summary>
    private async Task<SharedBot> BotOnAsync(DateOnly asOf)
    {
        if (_bot?.AsOf == asOf)
        {
            return _bot;
        }

        await StopAsync();
        var world = await BotWorld.CreateAsync("cases");
        var guilds = new Dictionary<string, long>();
        foreach (var @case in All.Where(c => c.AsOf == asOf))
        {
            var guild = FirstGuild + guilds.Count;
            using var input = JsonDocument.Parse(await File.ReadAllBytesAsync(@case.InputPath));
            await SeedAsync(world.Database, guild, input.RootElement);
            guilds[@case.Name] = guild;
        }

        _bot = new SharedBot(asOf, world, guilds);
        // Without Strava: the case is the data, and no sync may change it.
        world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T12:00:00Z" }, strava: false);
        await Eventually.ThatAsync(() => world.Discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", TimeSpan.FromSeconds(60));
        return _bot;
    }

    private async Task StopAsync()
    {
        if (_bot is not null)
        {
            await _bot.World.DisposeAsync();
            _bot = null;
        }
    }

    /// <summary>Each member's total in the /total report, and the pot.</summary>
    private static void AssertTotalShows(string totalText, IReadOnlyList<ExpectedMember> members) => Assert.Multiple(() =>
    {
        foreach (var member in members)
        {
            Assert.That(totalText, Does.Contain($"**{member.Name}** — {Money.Format(member.Total, "€")}\n"), $"/total: {member.Name}");
        }

        Assert.That(totalText, Does.Contain($"Pot: {Money.Format(members.Sum(m => m.Total), "€")}"), "/total: the pot");
    });

    /// <summary>Each member's line in the /week report: points of the target and the week's outcome.</summary>
    private static void AssertWeekShows(string weekText, int week, IReadOnlyList<ExpectedMember> members, decimal required) => Assert.Multiple(() =>
    {
        foreach (var member in members)
        {
            var (points, status, amount) = member.Weeks[week];
            var mark = status switch
            {
                "passed" => "✅",
                "failed" => $"❌ {Money.Format(amount, "€")}",
                "joker" => "🃏 joker",
                _ => "⏳ in progress",
            };
            Assert.That(weekText, Does.Contain($"**{member.Name}** — {points.ToString(CultureInfo.InvariantCulture)}/{required.ToString("0.##", CultureInfo.InvariantCulture)} {mark}\n"),
                $"/week {week}: {member.Name}");
        }
    });

    /// <summary>
    /// Rules, members (all consenting and back-filled since December before the season; Discord id = the case's member id,
    /// Strava athlete id its last nine digits), jokers and activities with every field of the case.
    /// </summary>
    private static async Task SeedAsync(string database, long guild, JsonElement input)
    {
        var season = input.GetProperty("season").GetInt32();
        var rules = input.GetProperty("rules");
        var jokers = rules.TryGetProperty("jokers", out var j) ? j.GetInt32() : 1;
        var world = WorldBuilder.For(database).Challenge(guild, season, rules.GetRawText());
        foreach (var element in input.GetProperty("members").EnumerateArray())
        {
            var name = element.GetProperty("name").GetString()!;
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            var id = long.Parse(element.GetProperty("id").GetString()!, CultureInfo.InvariantCulture);
            int[] jokerWeeks = element.TryGetProperty("joker_weeks", out var w) ? [.. w.EnumerateArray().Select(x => x.GetInt32())] : [];
            world.Member(space < 0 ? name : name[..space], id, space < 0 ? "" : name[(space + 1)..]).Strava(id % 1_000_000_000)
                .Backfilled(fromLocal: new DateTime(season - 1, 12, 1)).Jokers(Math.Max(0, jokers - jokerWeeks.Length), jokerWeeks);
            foreach (var activity in element.TryGetProperty("activities", out var a) ? a.EnumerateArray() : default)
            {
                world.Activity(Activity(activity));
            }
        }

        await world.SeedAsync();
    }

    private static ActivityRecord Activity(JsonElement activity) => new(
        activity.GetProperty("id").GetInt64(),
        0,
        activity.GetProperty("name").GetString(),
        activity.GetProperty("type").GetString(),
        activity.GetProperty("sport_type").GetString(),
        DateTime.Parse(activity.GetProperty("start_date").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
        DateTime.SpecifyKind(DateTime.Parse(activity.GetProperty("start_date_local").GetString()!.TrimEnd('Z'), CultureInfo.InvariantCulture), DateTimeKind.Unspecified),
        activity.TryGetProperty("timezone", out var zone) ? zone.GetString() : null,
        activity.GetProperty("moving_time").GetInt32(),
        activity.GetProperty("elapsed_time").GetInt32(),
        activity.GetProperty("distance").GetDouble(),
        activity.TryGetProperty("total_elevation_gain", out var gain) ? gain.GetDouble() : 0,
        null);

    /// <summary>A case file, its name (the file name without <c>.json</c>) and the day the bot's clock stands at.</summary>
    private sealed record PublicCase(string Name, string InputPath, DateOnly AsOf)
    {
        public static PublicCase Read(string inputPath)
        {
            using var input = JsonDocument.Parse(File.ReadAllBytes(inputPath));
            var asOf = DateOnly.ParseExact(input.RootElement.GetProperty("as_of").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new PublicCase(Path.GetFileName(inputPath)[..^".json".Length], inputPath, asOf);
        }
    }

    /// <summary>The running bot of one <c>as_of</c> day and the guild each of its cases was seeded into.</summary>
    private sealed record SharedBot(DateOnly AsOf, BotWorld World, IReadOnlyDictionary<string, long> Guilds);

    private sealed record ExpectedMember(string Name, decimal Total, IReadOnlyDictionary<int, (decimal Points, string Status, decimal Amount)> Weeks)
    {
        public static ExpectedMember Read(JsonElement member) => new(
            member.GetProperty("name").GetString()!,
            member.GetProperty("total").GetDecimal(),
            member.GetProperty("weeks").EnumerateArray().ToDictionary(
                w => w.GetProperty("week").GetInt32(),
                w => (w.GetProperty("points").GetDecimal(), w.GetProperty("status").GetString()!, w.GetProperty("amount").GetDecimal())));
    }
}
