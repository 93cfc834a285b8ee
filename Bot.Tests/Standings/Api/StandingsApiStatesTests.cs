using System.Net;
using System.Text.Json;
using Bot.Data.Entities;
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
        (_host, var challengeId) = await WebSeed.StartBotAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero)));
        await using var context = await _host.CreateContextAsync();
        Member Add(string first, long discord) => new()
        {
            FirstName = first,
            LastName = "Tester",
            DiscordUserId = discord,
            LinkState = LinkState.Linked,
            CreatedAtUtc = LastSync,
            UpdatedAtUtc = LastSync,
        };
        var lukas = Add("Lukas", 302);
        var jonas = Add("Jonas", 304);
        jonas.LinkState = LinkState.Unlinked;
        jonas.LeftAtUtc = new DateTime(2026, 1, 21, 23, 30, 0, DateTimeKind.Utc);
        context.Members.AddRange(lukas, jonas);
        await context.SaveChangesAsync();
        var jonasIn = new Participation
        {
            ChallengeId = challengeId,
            MemberId = jonas.Id,
            ConsentToReports = true,
            JokersLeft = 1,
            JoinedAtUtc = LastSync,
            FrozenAtUtc = jonas.LeftAtUtc,
        };
        context.Participations.AddRange(
            new Participation { ChallengeId = challengeId, MemberId = lukas.Id, ConsentToReports = true, JokersLeft = 1, JoinedAtUtc = LastSync }, jonasIn);
        context.StravaSyncStates.Add(new StravaSyncState { MemberId = lukas.Id, LastSyncAtUtc = LastSync });
        await context.SaveChangesAsync();
        context.FrozenWeekResults.AddRange(
            new FrozenWeekResult { ParticipationId = jonasIn.Id, Week = 1, Points = 3, Status = "passed", Streak = 0, Amount = 0m },
            new FrozenWeekResult { ParticipationId = jonasIn.Id, Week = 2, Points = 1, Status = "failed", Streak = 0, Amount = 5m });
        await context.SaveChangesAsync();
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
