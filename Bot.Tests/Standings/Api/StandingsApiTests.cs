using System.Net;
using System.Text.Json;
using Bot.Tests.Support;

namespace Bot.Tests.Standings.Api;

/// <summary>/api/seasons and /api/standings on the real host: computed standings of consenting members, never a token or an activity.</summary>
[Category(TestCategories.Integration)]
public sealed class StandingsApiTests
{
    private InProcessBot _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _) = await WebSeed.StartBotAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _host.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Seasons_ListsEachGuildWithItsSeasons()
    {
        var (status, body) = await GetAsync("/api/seasons");

        using var json = JsonDocument.Parse(body);
        var guild = json.RootElement.GetProperty("guilds").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(guild.GetProperty("guild").GetString(), Is.EqualTo(InProcessBot.Guild.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(guild.GetProperty("seasons").EnumerateArray().Select(s => s.GetInt32()), Is.EqualTo(new[] { 2026 }));
        });
    }

    [Test]
    public async Task Standings_Season_ConsentingMembersWithPointsStatusAndAmountsOnly()
    {
        var (status, body) = await GetAsync($"/api/standings?guild={InProcessBot.Guild}&season=2026");

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var members = root.GetProperty("members").EnumerateArray().ToList();
        var week2 = members[0].GetProperty("weeks").EnumerateArray().Single(w => w.GetProperty("week").GetInt32() == 2);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(root.GetProperty("season").GetInt32(), Is.EqualTo(2026));
            Assert.That(members.Select(m => m.GetProperty("name").GetString()), Is.EqualTo(new[] { "Anna Tester" }));
            Assert.That(root.GetProperty("hidden_members").GetInt32(), Is.EqualTo(1));
            Assert.That(week2.GetProperty("points").GetInt64(), Is.EqualTo(1));
            Assert.That(week2.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(week2.GetProperty("amount").GetDecimal(), Is.GreaterThan(0m));
            Assert.That(members[0].GetProperty("total").GetDecimal(), Is.GreaterThan(0m));
        });
    }

    [Test]
    public async Task Standings_AnyAnswer_NeverContainsATokenOrRawActivity()
    {
        var bodies = new[]
        {
            (await GetAsync($"/api/standings?guild={InProcessBot.Guild}&season=2026")).Body,
            (await GetAsync($"/api/standings?guild={InProcessBot.Guild}")).Body,
            (await GetAsync("/api/seasons")).Body,
        };

        foreach (var body in bodies)
        {
            Assert.That(body, Does.Not.Contain("SECRET").And.Not.Contain(WebSeed.AnnaAccessToken).And.Not.Contain(WebSeed.AnnaRefreshToken));
            Assert.That(body, Does.Not.Contain(WebSeed.AnnaActivityName).And.Not.Contain("7123").And.Not.Contain("134815"), "no activity or athlete detail");
            Assert.That(body, Does.Not.Contain("Marie"), "no member who did not consent");
        }
    }

    [TestCase("/api/standings", "guild")]
    [TestCase("/api/standings?guild=abc", "guild")]
    [TestCase("/api/standings?guild=-4", "guild")]
    [TestCase("/api/standings?guild=4242&season=twenty", "season")]
    [TestCase("/api/standings?guild=4242&season=1999", "season")]
    public async Task Standings_BadQuery_400WithOneLineNamingTheParameter(string path, string named)
    {
        var (status, body) = await GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(body, Does.StartWith(named));
        });
    }

    [Test]
    public async Task Standings_UnknownSeason_404OneLine()
    {
        var (status, body) = await GetAsync($"/api/standings?guild={InProcessBot.Guild}&season=2031");

        Assert.That((status, body.TrimEnd().Split('\n').Length), Is.EqualTo((HttpStatusCode.NotFound, 1)));
        Assert.That(body, Does.Contain("2031"));
    }
}
