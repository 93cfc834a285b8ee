using System.Net;
using System.Text.Json;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Standings.Api;

/// <summary>/api/standings for members whose weeks do not come from activities: syncing (owes nothing) and left (frozen weeks).</summary>
[Category(TestCategories.Integration)]
public sealed class StandingsApiStatesTests
{
    private static readonly DateTime LastSync = new(2026, 3, 1, 6, 30, 0, DateTimeKind.Utc);
    private InProcessBot _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Wednesday of 2026-W11.
        (_host, _) = await WebSeed.StartBotAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero)));
        await WorldBuilder.For(_host.DatabasePath).At(LastSync).Challenge(InProcessBot.Guild, 2026, WebSeed.Rules)
            .Member("Lukas", 302).SyncingSince(LastSync)
            .Member("Jonas", 304).Left(new DateTimeOffset(2026, 1, 21, 23, 30, 0, TimeSpan.Zero), new FrozenWeekSeed(1, 3, "passed", 0, 0m), new FrozenWeekSeed(2, 1, "failed", 0, 5m))
            .SeedAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Standings_SyncingAndLeftMembers_SayWhyWithTheLastSyncAndTheDate()
    {
        using var response = await _host.Client.GetAsync($"/api/standings?guild={InProcessBot.Guild}&season=2026");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var members = json.RootElement.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        var lukas = members["Lukas Tester"];
        var jonas = members["Jonas Tester"];
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(members["Anna Tester"].GetProperty("state").GetString(), Is.EqualTo("active"));
            Assert.That((lukas.GetProperty("state").GetString(), lukas.GetProperty("last_sync_utc").GetDateTime(), lukas.GetProperty("total").GetDecimal()),
                Is.EqualTo(("syncing", LastSync, 0m)));
            Assert.That(lukas.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("status").GetString()).Distinct(), Is.EqualTo(new[] { "syncing" }));
            Assert.That((jonas.GetProperty("state").GetString(), jonas.GetProperty("left_on").GetString(), jonas.GetProperty("total").GetDecimal()),
                Is.EqualTo(("left", "2026-01-21", 5m)));
            Assert.That(jonas.GetProperty("weeks").EnumerateArray().Select(w => (w.GetProperty("week").GetInt32(), w.GetProperty("status").GetString())),
                Is.EqualTo(new[] { (1, "passed"), (2, "failed") }), "their frozen closed weeks, nothing after");
        });
    }
}
