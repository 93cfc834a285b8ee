using System.Diagnostics;
using System.Text.Json;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

/// <summary>
/// The recap at the set time: posted in the server's channel with the consenting members' week, the pot, the longest
/// run and the week picture, never twice across a restart (a second server whose slot is a minute after the restart
/// shows that the ticker has been through the first by then); a channel Discord refuses is reported by
/// <c>/admin channel show</c>, and the bot carries on.
/// </summary>
[Category(TestCategories.Process)]
// The longest of the three: started first among the end-to-end fixtures, so its waiting overlaps others' work.
[Order(1)]
public sealed class RecapEndToEndTests : RecapEndToEndFixture
{
    [Test]
    public async Task Recap_AtTheSetTime_PostedOnceWithStandingsAndPicture_AcrossARestart()
    {
        await SetChannelAsync(Guild, Channel, 8 * 60);
        await SetChannelAsync(OtherGuild, OtherChannel, (8 * 60) + 5);
        var launched = Stopwatch.StartNew();
        World.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-12-07T07:59:50Z" });

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
            Assert.That(World.Probe.Count($"SELECT COUNT(*) FROM post_records WHERE guild_id = {Guild} AND sent_at_utc IS NOT NULL"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Recap_DiscordRefusesTheChannel_OutcomeShownByChannelShowAndTheBotCarriesOn()
    {
        World.Discord.ForbiddenChannels.Add(Channel.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SetChannelAsync(Guild, Channel, 8 * 60);
        await SetChannelAsync(OtherGuild, OtherChannel, 8 * 60);
        World.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-12-07T07:59:50Z" });

        // The job goes through the servers in id order: the other server's recap comes after this one's attempt.
        await RecapAsync(OtherChannel);
        var (answer, _) = await new SlashCommands(World.Discord, Guild).InvokeAsync(
            "admin", """[{"name":"channel","type":2,"options":[{"name":"show","type":1,"options":[]}]}]""", permissions: "32", settle: TimeSpan.Zero);
        using var show = JsonDocument.Parse(answer.Body);

        Assert.That(show.RootElement.GetProperty("content").GetString(), Does.EndWith(
            ": Recap of week 49 not posted: I lack permissions in the channel (Discord 50013). Fix its permissions or pick another channel with `/admin channel set`."));
        Assert.That((Posts(Channel).Count, World.Bot!.Process.HasExited), Is.EqualTo((1, false)), "refused once, not retried; the bot runs on");
    }
}
