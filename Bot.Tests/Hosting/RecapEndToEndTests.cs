using System.Diagnostics;
using System.Text.Json;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Discord.Guilds;
using Bot.Tests.Discord.Rest;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Hosting;

/// <summary>
/// The weekly recap in the real bot process, its clock pinned with CLOCK_START_UTC just before (or after) the Monday
/// slot: posted in the server's channel at the set time, with the consenting members' week, the pot, the longest run
/// and the week picture; never twice across a restart; once, marked late, when the bot was down at the slot. A second
/// server whose slot is a minute after a restart shows that the ticker has been through the first server by then.
/// </summary>
[Category(TestCategories.Process)]
// Each test has its own world and bot and mostly waits for the minute ticker: they run side by side.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class RecapEndToEndTests
{
    private const long Guild = 7101;
    private const long Channel = 8801;
    private const long OtherGuild = 7102;
    private const long OtherChannel = 8802;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // Week 49 of 2026 (Nov 30 – Dec 6) closed; its slot is Monday 2026-12-07 08:00 in UTC (the test zone).
    private static readonly DateTimeOffset Seeded = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private BotWorld _world = null!;

    [SetUp]
    public async Task SeedAsync()
    {
        _world = await BotWorld.CreateAsync("recap");
        await WorldBuilder.For(_world.Database).At(Seeded).Challenge(Guild, 2026, """{"multiplier_on":false,"start_week":48}""")
            .Member("Anna", 301).Strava(1301).Activity(1, new DateTime(2026, 11, 24, 7, 0, 0)).Activity(2, new DateTime(2026, 11, 25, 7, 0, 0))
                .Activity(3, new DateTime(2026, 11, 26, 7, 0, 0)).Activity(4, new DateTime(2026, 12, 1, 7, 0, 0))
                .Activity(5, new DateTime(2026, 12, 2, 7, 0, 0)).Activity(6, new DateTime(2026, 12, 3, 7, 0, 0))
            .Member("Lukas", 302).Strava(1302).Activity(7, new DateTime(2026, 12, 2, 18, 0, 0))
            .Member("Marie", 303).Strava(1303).NoConsent()
            .SeedAsync();
        await WorldBuilder.For(_world.Database).At(Seeded).Challenge(OtherGuild, 2026).SeedAsync();

        // Discord describes each server after READY; a recap waits for that (it speaks the server's language).
        _world.Discord.Guilds.Add(Describe(Guild, Channel, "en-US"));
        _world.Discord.Guilds.Add(Describe(OtherGuild, OtherChannel, "en-GB"));
    }

    [TearDown]
    public async Task StopAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Recap_AtTheSetTime_PostedOnceWithStandingsAndPicture_AcrossARestart()
    {
        await SetChannelAsync(Guild, Channel, 8 * 60);
        await SetChannelAsync(OtherGuild, OtherChannel, (8 * 60) + 5);
        var launched = Stopwatch.StartNew();
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-12-07T07:59:50Z" });

        var recap = await RecapAsync(Channel);
        var postedAfter = launched.Elapsed;
        // Stored without words (PostOutcome), for /admin channel show to say in the asking admin's language.
        await Eventually.ThatAsync(() => DatabaseProbe.Safely(() => Outcome() == "recap:49:posted:"), "the recorded outcome", Patience);
        await RestartAtAsync("2026-12-07T08:04:50Z");
        await RecapAsync(OtherChannel);

        Assert.Multiple(() =>
        {
            Assert.That(postedAfter, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(10)), "not before the bot's clock reached 08:00");
            Assert.That(recap.Heading, Is.EqualTo("📊 **Week 49 recap** · season 2026"));
            Assert.That(recap.Standings, Is.EqualTo(
                "🥇 **Anna Tester** — 3/3 ✅\n**Lukas Tester** — 1/3 ❌ 5.00 €\n*1 member(s) not shown: they did not agree to channel reports.*\n\n"
                + "🔥 Longest run: **Anna Tester** — 2 weeks passed in a row\n💰 Pot so far: **20.00 €** (weeks 1–49)"));
            Assert.That(recap.FileName, Is.EqualTo("week-2026-49.png"));
            Assert.That(recap.Png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
            Assert.That(Posts(Channel), Has.Count.EqualTo(1), "across the restart");
            Assert.That(_world.Probe.Count($"SELECT COUNT(*) FROM post_records WHERE guild_id = {Guild} AND sent_at_utc IS NOT NULL"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Recap_BotDownAtTheSlotBackWithinADay_PostedOnceMarkedLate()
    {
        await SetChannelAsync(Guild, Channel, 8 * 60);
        await SetChannelAsync(OtherGuild, OtherChannel, (10 * 60) + 1);
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-12-07T10:00:50Z" });

        var recap = await RecapAsync(Channel);
        await RecapAsync(OtherChannel);

        Assert.That((recap.Heading, Posts(Channel).Count), Is.EqualTo(("📊 **Week 49 recap** · season 2026 (late)", 1)));
    }

    [Test]
    public async Task Recap_GermanServerBotBackAfterTheSlot_LateRecapInGerman()
    {
        // The recap is due at the first tick after the start, before the server's GUILD_CREATE (and its language) has
        // arrived: it must wait for it, not go out in English.
        _world.Discord.Guilds[0] = Describe(Guild, Channel, "de");
        _world.Discord.ReadyDelay = TimeSpan.FromMilliseconds(800); // under the 1 s heartbeat interval
        await SetChannelAsync(Guild, Channel, 8 * 60);
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-12-07T10:00:50Z" });

        var recap = await RecapAsync(Channel);

        Assert.Multiple(() =>
        {
            Assert.That(recap.Heading, Is.EqualTo("📊 **Rückblick Woche 49** · Saison 2026 (verspätet)"));
            Assert.That(recap.Standings, Is.EqualTo(
                "🥇 **Anna Tester** — 3/3 ✅\n**Lukas Tester** — 1/3 ❌ 5,00 €\n*1 Mitglied(er) nicht gezeigt: Sie haben Berichten im Kanal nicht zugestimmt.*\n\n"
                + "🔥 Längste Serie: **Anna Tester** — 2 Wochen in Folge geschafft\n💰 Topf bisher: **20,00 €** (Wochen 1–49)"));
        });
    }

    [Test]
    public async Task Recap_AfterTheSeasonsLastWeekInJanuary_AlsoPostsTheFinalLedgerAndSeasonPicture()
    {
        await SetChannelAsync(Guild, Channel, 8 * 60);
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2027-01-04T07:59:50Z" });

        var recap = await RecapAsync(Channel);
        var close = await RecapAsync(Channel, index: 1);

        Assert.Multiple(() =>
        {
            Assert.That(recap.Heading, Is.EqualTo("📊 **Week 53 recap** · season 2026"), "week 53 of 2026 closed on Sunday 2027-01-03");
            Assert.That(close.Heading, Is.EqualTo("🏁 **Season 2026 is over**"));
            Assert.That(close.Standings, Does.Contain("💰 **Final pot: ").And.EndWith(
                "Admins: start season 2027 with `/admin season start year:2027` — the members and rules carry over; `/admin rules` changes the rules."));
            Assert.That(close.Standings, Does.Not.Contain("Marie"));
            Assert.That((close.FileName, Posts(Channel).Count), Is.EqualTo(("season-2026.png", 2)));
        });
    }

    [Test]
    public async Task Recap_DiscordRefusesTheChannel_OutcomeShownByChannelShowAndTheBotCarriesOn()
    {
        _world.Discord.ForbiddenChannels.Add(Channel.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SetChannelAsync(Guild, Channel, 8 * 60);
        await SetChannelAsync(OtherGuild, OtherChannel, 8 * 60);
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-12-07T07:59:50Z" });

        // The job goes through the servers in id order: the other server's recap comes after this one's attempt.
        await RecapAsync(OtherChannel);
        var (answer, _) = await new SlashCommands(_world.Discord, Guild).InvokeAsync(
            "admin", """[{"name":"channel","type":2,"options":[{"name":"show","type":1,"options":[]}]}]""", permissions: "32", settle: TimeSpan.Zero);
        using var show = JsonDocument.Parse(answer.Body);

        Assert.That(show.RootElement.GetProperty("content").GetString(), Does.EndWith(
            ": Recap of week 49 not posted: I lack permissions in the channel (Discord 50013). Fix its permissions or pick another channel with `/admin channel set`."));
        Assert.That((Posts(Channel).Count, _world.Bot!.Process.HasExited), Is.EqualTo((1, false)), "refused once, not retried; the bot runs on");
    }

    private async Task SetChannelAsync(long guild, long channel, int minuteOfDay)
    {
        await using var services = new ServiceCollection().AddChallengeData(_world.Database).BuildServiceProvider();
        await services.GetRequiredService<ChannelSettingRepository>().SetAsync(guild, channel, minuteOfDay, milestonesOn: false, Seeded.UtcDateTime);
    }

    private async Task RestartAtAsync(string clock)
    {
        await _world.Bot!.DisposeAsync();
        _world.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = clock });
    }

    private string? Outcome() => _world.Probe.Rows($"SELECT last_post_outcome FROM channel_settings WHERE guild_id = {Guild}").SingleOrDefault();

    private List<FakeRestRequest> Posts(long channel) =>
        [.. _world.Discord.RestRequests.Where(r => r.Method == "POST" && r.Path == $"/api/v10/channels/{channel}/messages")];

    /// <summary>Waits for the channel's post number <paramref name="index"/>; its first line, its embeds' text and its picture.</summary>
    private async Task<(string Heading, string Standings, string? FileName, byte[] Png)> RecapAsync(long channel, int index = 0)
    {
        await Eventually.ThatAsync(() => Posts(channel).Count > index, $"post {index} in channel {channel}", Patience);
        var post = Posts(channel)[index];
        var body = await MultipartBody.ParseAsync(post.Header("Content-Type"), post.BodyBytes);
        using var payload = JsonDocument.Parse(body["payload_json"].Text);
        var standings = string.Concat(payload.RootElement.GetProperty("embeds").EnumerateArray().Select(e => e.GetProperty("description").GetString()));
        var file = body["files[0]"];
        return (payload.RootElement.GetProperty("content").GetString()!, standings, file.FileName, file.Data);
    }

    private static string Describe(long guild, long channel, string locale) =>
        FakeGuildJson.GuildCreate(guild, [(guild, FakeGuildJson.ViewSendAttach)], [(channel, [])], [], locale);
}
