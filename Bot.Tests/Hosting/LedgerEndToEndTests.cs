using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

/// <summary>
/// Issue 12 items 4 and 7 in the real bot process (fake Discord, fake Strava, a real SQLite file, a pinned clock):
/// members imported from the old bot whose back-fill fails owe nothing and read "syncing"; a member who runs /unlink
/// loses every piece of Strava data while the ledger keeps what they owed for closed weeks, marked "left on DATE".
/// </summary>
[Category(TestCategories.Process)]
public sealed class LedgerEndToEndTests
{
    private const long Guild = 4242;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly DateTimeOffset Seeded = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private BotWorld _world = null!;
    private SlashCommands _commands = null!;

    [SetUp]
    public async Task SetUp()
    {
        _world = await BotWorld.CreateAsync("ledger");
        _commands = new SlashCommands(_world.Discord, Guild);
    }

    [TearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    [Test]
    public async Task ImportedMembers_BackfillRefusedByStrava_OweNothingAndReadSyncing()
    {
        var import = await BotProcess.RunAsync(_world.Folder, new Dictionary<string, string?> { ["DATABASE_PATH"] = _world.Database }, "import-legacy", RepositoryPaths.LegacySample, "--guild", "4242");
        Assert.That(import.ExitCode, Is.Zero, import.Error);

        // Wednesday of 2024-W11; the imported tokens expired on 2024-03-09 and the fake Strava refuses their refresh.
        await StartBotAsync("2024-03-13T12:00:00Z");
        await Eventually.ThatAsync(() => Safely(() => Scalar("SELECT COUNT(*) FROM members WHERE link_state = 'NeedsRelink'") == 4),
            "the four back-fills tried and refused", Patience);

        var total = SlashCommands.Text((await _commands.InvokeAsync("total", expectPublic: true)).Public);
        var week = SlashCommands.Text((await _commands.InvokeAsync("week", """[{"name":"week","type":4,"value":3}]""", expectPublic: true)).Public);

        var names = new[] { "Anna Berger", "Lukas Huber", "Marie Gruber", "Jonas Wagner" };
        Assert.Multiple(() =>
        {
            Assert.That(_world.Strava.CallsTo("POST", "/oauth/token").Select(c => c.FormValue("refresh_token")).Distinct(),
                Is.EquivalentTo(new[] { "sample-refresh-5001", "sample-refresh-5002", "sample-refresh-5003", "sample-refresh-5004" }), "each member's back-fill tried");
            Assert.That(total.Split('\n'), Is.SupersetOf(names.Select(n => $"**{n}** — ❔ syncing · last sync never")), total);
            Assert.That(total, Does.Contain("**Pot: 0.00 €**"), "the pot leaves them out");
            Assert.That(week.Split('\n'), Is.SupersetOf(names.Select(n => $"**{n}** — ?/3 ❔ syncing / no data · last sync never")), week);
        });
    }

    [Test]
    public async Task Unlink_MemberWithFailedClosedWeeks_StravaDataGoneAndTheLedgerKeepsWhatTheyOwed()
    {
        await SeedTwoMembersAsync();

        // Wednesday of 2026-W11; with start week 8, weeks 8–10 are closed.
        await StartBotAsync("2026-03-11T12:00:00Z");
        await Eventually.ThatAsync(() => Safely(() => Scalar("SELECT COUNT(*) FROM strava_sync_states WHERE last_recheck_at_utc > '2026-03-02'") == 2),
            "the start-up re-check of both members (after the seeded back-fill)", Patience);
        var before = SlashCommands.Text((await _commands.InvokeAsync("total", expectPublic: true)).Public);

        var (unlinked, unlinkPosts) = await _commands.InvokeAsync("unlink");

        var after = SlashCommands.Text((await _commands.InvokeAsync("total", expectPublic: true)).Public);
        var week9 = SlashCommands.Text((await _commands.InvokeAsync("week", """[{"name":"week","type":4,"value":9}]""", expectPublic: true)).Public);
        var week10 = SlashCommands.Text((await _commands.InvokeAsync("week", """[{"name":"week","type":4,"value":10}]""", expectPublic: true)).Public);
        var week11 = SlashCommands.Text((await _commands.InvokeAsync("week", expectPublic: true)).Public);
        Assert.Multiple(() =>
        {
            Assert.That(before, Does.Contain("**Anna Tester** — 10.00 €\n").And.Contain("**Pot: 25.00 €**"), before);
            Assert.That(unlinkPosts, Is.Empty, "the answer is private");
            Assert.That(unlinked.Body, Does.Contain("stay in the ledger"));
            Assert.That(_world.Strava.CallsTo("POST", "/oauth/deauthorize"), Has.Count.EqualTo(1));

            Assert.That(Scalar("SELECT COUNT(*) FROM members WHERE discord_user_id = 301 AND access_token IS NULL AND refresh_token IS NULL AND scopes IS NULL "
                + "AND strava_athlete_id IS NULL AND profile_medium_url IS NULL AND link_state = 'Unlinked' AND left_at_utc IS NOT NULL"), Is.EqualTo(1),
                "no token, scope, athlete id or picture is left");
            Assert.That(Scalar("SELECT COUNT(*) FROM activities WHERE member_id = (SELECT id FROM members WHERE discord_user_id = 301)"), Is.Zero);
            Assert.That(Scalar("SELECT COUNT(*) FROM strava_sync_states WHERE member_id = (SELECT id FROM members WHERE discord_user_id = 301)"), Is.Zero);
            Assert.That(Scalar("SELECT COUNT(*) FROM webhook_events WHERE owner_id = 9301"), Is.Zero, "the member's queued events");
            Assert.That(Scalar("SELECT COUNT(*) FROM webhook_events WHERE owner_id = 9302"), Is.EqualTo(1), "another member's event stays");

            Assert.That(after, Does.Contain("**Anna Tester** — 10.00 € · left on 2026-03-11\n").And.Contain("**Pot: 25.00 €**"), after);
            Assert.That(week9, Does.Contain("**Anna Tester** — 3/3 ✅ · left on 2026-03-11"), week9);
            Assert.That(week10, Does.Contain("**Anna Tester** — 0/3 ❌ 5.00 € · left on 2026-03-11"), week10);
            Assert.That(week11, Does.Contain("**Ben Tester**").And.Not.Contain("Anna"), "a week after they left does not list them");
        });
    }

    private async Task StartBotAsync(string now)
    {
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = now });
        await Eventually.ThatAsync(() => _world.Discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", Patience);
    }

    /// <summary>
    /// Season 2026 from week 8, no multiplier, seeded on 2026-03-01. Anna (member 1, athlete 9301) ran three times in week 9,
    /// Ben (athlete 9302) never; both back-filled, with tokens the fake Strava knows and webhook events queued for later.
    /// </summary>
    private async Task SeedTwoMembersAsync()
    {
        var world = WorldBuilder.For(_world.Database).At(Seeded).Challenge(Guild, 2026, """{"start_week":8,"multiplier_on":false}""");
        // 2026-02-23 is the Monday of week 9.
        Linked(world, "Anna", 301, 9301).Activity(9100, new DateTime(2026, 2, 23, 7, 0, 0)).Activity(9101, new DateTime(2026, 2, 24, 7, 0, 0)).Activity(9102, new DateTime(2026, 2, 25, 7, 0, 0));
        // Queued for after the test (due in 2030): the processor leaves them alone.
        var at = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
        world.QueuedEvent(at).QueuedEvent(at, processed: true);
        Linked(world, "Ben", 302, 9302).QueuedEvent(at);
        await world.SeedAsync();
    }

    /// <summary>The member linked to an athlete of the fake Strava (with a picture), back-filled from the season's first Monday.</summary>
    private WorldBuilder Linked(WorldBuilder world, string name, long discordUserId, long athleteId)
    {
        _world.Strava.AddAthlete(athleteId, name, "Tester");
        var (access, refresh) = _world.Strava.IssueTokens(athleteId);
        return world.Member(name, discordUserId)
            .Strava(athleteId, access, refresh, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), profileUrl: "https://example.invalid/" + name)
            .Backfilled(fromLocal: new DateTime(2025, 12, 29));
    }

    private long Scalar(string sql) => _world.Probe.Count(sql);

    private static bool Safely(Func<bool> read) => DatabaseProbe.Safely(read);
}
