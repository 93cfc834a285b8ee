using System.Text.Json;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Discord.Guilds;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Hosting;

/// <summary>
/// Issue 14 items 2 and 3 in the real bot process (fake Discord, a real SQLite file, the clock pinned with
/// <c>CLOCK_START_UTC</c> just before the slot): reminders by direct message to exactly the members below the target
/// without a joker; a member Discord will not let the bot message is switched off and told in /me; milestone lines in
/// the channel, batched, once per member and week across a restart, never for a member who did not consent.
/// </summary>
[Category(TestCategories.Process)]
// Mostly waiting for the minute ticker: started first among the end-to-end fixtures, that wait overlaps the others'
// work. (Tests run side by side within a fixture would be queued behind every other fixture and end the run's parallel
// part alone.)
[Order(1)]
public sealed class NudgesEndToEndTests
{
    private const long Guild = 4343;

    // Sunday of 2026-W48, ten seconds before the reminders' default slot (Sunday 18:00, UTC).
    private const string BeforeTheSlot = "2026-11-29T17:59:50Z";
    private static readonly DateTimeOffset Seeded = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private BotWorld _world = null!;

    [SetUp]
    public async Task SetUp() => _world = await BotWorld.CreateAsync("nudges");

    [TearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    [Test]
    public async Task Reminders_AtTheSlot_OnlyMembersBelowTheTargetWithoutAJokerGetADirectMessage()
    {
        await StartAtTheRemindersSlotAsync();
        await Eventually.ThatAsync(() => DatabaseProbe.Safely(() => _world.Probe.Count(
            "SELECT COUNT(*) FROM post_records WHERE kind = 'reminder' AND outcome IS NOT NULL") == 4), "the four reminders handled", Patience);

        var anna = _world.Discord.DirectMessagesTo(301).Select(Content).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(anna, Has.Count.EqualTo(1));
            Assert.That(anna[0], Is.EqualTo(
                "**Week 48: 1 of 3 points this week — 2 to go.**\n"
                + "That is 2 × a 30-minute run, each on its own day — more than the 1 day left this week, as each day counts once.\n"
                + "Or keep the week free with `/joker` (1 left).\n"
                + "`/remind off` in the server stops these reminders."));
            Assert.That(new long[] { 302, 303, 304 }.SelectMany(_world.Discord.DirectMessagesTo), Is.Empty, "at the target, a joker, no reminder");
            Assert.That(_world.Probe.Rows("SELECT discord_user_id, week, sent_at_utc IS NOT NULL FROM post_records WHERE kind = 'reminder' ORDER BY discord_user_id"),
                Is.EqualTo(new[] { "301|48|1", "302|48|0", "303|48|0", "305|48|0" }), "one record per reminder and week; only Anna's sent");
        });
    }

    [Test]
    public async Task Reminders_DiscordRefusesTheDirectMessage_SwitchedOffAndTheNextMeSaysSoOnce()
    {
        await StartAtTheRemindersSlotAsync();
        await Eventually.ThatAsync(() => DatabaseProbe.Safely(() => _world.Probe.Count(
            "SELECT COUNT(*) FROM reminder_settings WHERE discord_user_id = 305 AND enabled = 0") == 1), "Eve's reminder switched off", Patience);
        var commands = new SlashCommands(_world.Discord, Guild);
        var first = SlashCommands.Text([(await commands.InvokeAsync("me", user: 305)).Private]);
        var second = SlashCommands.Text([(await commands.InvokeAsync("me", user: 305)).Private]);

        Assert.Multiple(() =>
        {
            Assert.That(_world.Discord.DirectMessagesTo(305), Has.Count.EqualTo(1), "one attempt, refused");
            Assert.That(first, Does.Contain("Your reminder is off: Discord did not let the bot send you a direct message."), first);
            Assert.That(second, Does.Not.Contain("Your reminder is off"), "told once");
            Assert.That(_world.Probe.Count("SELECT COUNT(*) FROM reminder_settings WHERE enabled = 1"), Is.EqualTo(3), "Anna's, Ben's and Cara's stay on");
        });
    }

    [Test]
    public async Task Milestones_MembersReachTheTarget_OneBatchedLineEachOnceAcrossARestartNoneWithoutConsent()
    {
        var dan = await SeedMilestonesAsync();
        await StartAsync("2026-11-26T12:00:00Z");
        await Eventually.ThatAsync(() => MilestonesHandled(2), "Anna's and Ben's milestones", Patience);

        await _world.Bot!.DisposeAsync();
        await AddRunsAsync(dan, new DateTime(2026, 11, 24, 7, 0, 0), new DateTime(2026, 11, 25, 7, 0, 0));
        await StartAsync("2026-11-26T12:05:00Z");
        await Eventually.ThatAsync(() => MilestonesHandled(3), "Dan's milestone after the restart", Patience);

        Assert.Multiple(() =>
        {
            Assert.That(ChannelMessages(), Is.EqualTo(new[]
            {
                "✅ Anna Tester made week 48: 3/3\n✅ Ben Tester made week 48: 3/3",
                "✅ Dan Tester made week 48: 3/3",
            }), "one message for the two who made it before the start, then Dan's alone; nothing again after the restart");
            Assert.That(_world.Probe.Rows("SELECT discord_user_id FROM post_records WHERE kind = 'milestone' AND sent_at_utc IS NOT NULL ORDER BY discord_user_id"),
                Is.EqualTo(new[] { "301", "302", "304" }), "Marie did not agree to channel reports");
        });
    }

    /// <summary>The reminders' world, Eve refusing direct messages, the bot started just before the slot.</summary>
    private async Task StartAtTheRemindersSlotAsync()
    {
        await SeedRemindersAsync();
        _world.Discord.RefuseDirectMessages(305);
        await StartAsync(BeforeTheSlot);
    }

    /// <summary>
    /// Season 2026 with the default rules (3 points, one joker). In week 48: Anna ran once, Ben three times, Cara not at
    /// all but spent her joker, Dan not at all and has no reminder, Eve not at all. Reminders (Sunday 18:00) for all but Dan.
    /// </summary>
    private async Task SeedRemindersAsync()
    {
        var world = WorldBuilder.For(_world.Database).At(Seeded).Challenge(Guild, 2026);
        world.Member("Anna", 301).Strava(9301).Reminder(DayOfWeek.Sunday, 18 * 60).Activity(48_001, new DateTime(2026, 11, 23, 7, 0, 0));
        world.Member("Ben", 302).Strava(9302).Reminder(DayOfWeek.Sunday, 18 * 60);
        for (var day = 0; day < 3; day++)
        {
            world.Activity(48_010 + day, new DateTime(2026, 11, 23 + day, 7, 0, 0));
        }

        world.Member("Cara", 303).Strava(9303).Reminder(DayOfWeek.Sunday, 18 * 60).Jokers(0, 48);
        world.Member("Dan", 304).Strava(9304);
        world.Member("Eve", 305).Strava(9305).Reminder(DayOfWeek.Sunday, 18 * 60);
        await world.SeedAsync();
    }

    /// <summary>
    /// Season 2026, milestones on in channel 777 since Monday of week 48. Stored on that Monday: Anna and Ben ran three
    /// times, Marie (no consent to channel reports) three times, Dan once. Returns Dan's member id.
    /// </summary>
    private async Task<long> SeedMilestonesAsync()
    {
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var world = WorldBuilder.For(_world.Database).At(monday.AddHours(12)).Challenge(Guild, 2026).Channel(777, milestonesSinceUtc: monday);
        // Discord describes the server after READY; milestone lines wait for that (they speak the server's language).
        _world.Discord.Guilds.Add(FakeGuildJson.GuildCreate(Guild, [(Guild, FakeGuildJson.ViewSendAttach)], [(777, [])], [], "en-US"));
        foreach (var (name, user) in new[] { ("Anna", 301L), ("Ben", 302L), ("Marie", 303L), ("Dan", 304L) })
        {
            world.Member(name, user).Strava(user + 9000);
            if (name == "Marie")
            {
                world.NoConsent();
            }

            for (var day = 0; day < (name == "Dan" ? 1 : 3); day++)
            {
                world.Activity((user * 100) + day, new DateTime(2026, 11, 23 + day, 7, 0, 0));
            }
        }

        var seeded = await world.SeedAsync();
        return seeded["Dan"].Id;
    }

    /// <summary>Stores 30-minute runs of the member, as a sync would while the bot is down.</summary>
    private async Task AddRunsAsync(long memberId, params DateTime[] starts)
    {
        await using var services = new ServiceCollection().AddChallengeData(_world.Database).BuildServiceProvider();
        await services.GetRequiredService<ActivityRepository>().UpsertManyAsync([.. starts.Select((start, i) => new ActivityRecord(
            90_000 + i, memberId, "Run", "Run", "Run", DateTime.SpecifyKind(start, DateTimeKind.Utc), start, null, 1800, 1900, 5000, 20, null))]);
    }

    private bool MilestonesHandled(int count) =>
        DatabaseProbe.Safely(() => _world.Probe.Count("SELECT COUNT(*) FROM post_records WHERE kind = 'milestone' AND outcome IS NOT NULL") == count);

    private List<string> ChannelMessages() =>
        [.. _world.Discord.RestRequests.Where(r => r.Method == "POST" && r.Path == "/api/v10/channels/777/messages").Select(r => Content(r.Body))];

    /// <summary>The bot without Strava (nothing here calls it), its clock at <paramref name="now"/>.</summary>
    private async Task StartAsync(string now)
    {
        _world.Start(new Dictionary<string, string?>
        {
            ["CLOCK_START_UTC"] = now,
            ["STRAVA_CLIENT_ID"] = null,
            ["STRAVA_CLIENT_SECRET"] = null,
            ["STRAVA_WEBHOOK_VERIFY_TOKEN"] = null,
        });
        await Eventually.ThatAsync(() => _world.Discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", Patience);
    }

    private static string Content(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("content").GetString()!;
    }
}
