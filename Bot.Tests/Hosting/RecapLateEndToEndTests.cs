namespace Bot.Tests.Hosting;

/// <summary>
/// A recap missed while the bot was down goes out once when it is back, marked late; in a German server in German,
/// after the server's GUILD_CREATE has told its language.
/// </summary>
[Category(TestCategories.Process)]
public sealed class RecapLateEndToEndTests : RecapEndToEndFixture
{
    [Test]
    public async Task Recap_BotDownAtTheSlotBackWithinADay_PostedOnceMarkedLate()
    {
        await SetChannelAsync(Guild, Channel, 8 * 60);
        await SetChannelAsync(OtherGuild, OtherChannel, (10 * 60) + 1);
        World.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-12-07T10:00:50Z" });

        var recap = await RecapAsync(Channel);
        await RecapAsync(OtherChannel);

        Assert.That((recap.Heading, Posts(Channel).Count), Is.EqualTo(("📊 **Week 49 recap** · season 2026 (late)", 1)));
    }

    [Test]
    public async Task Recap_GermanServerBotBackAfterTheSlot_LateRecapInGerman()
    {
        // The recap is due at the first tick after the start, before the server's GUILD_CREATE (and its language) has
        // arrived: it must wait for it, not go out in English.
        World.Discord.Guilds[0] = Describe(Guild, Channel, "de");
        World.Discord.ReadyDelay = TimeSpan.FromMilliseconds(800); // under the 1 s heartbeat interval
        await SetChannelAsync(Guild, Channel, 8 * 60);
        World.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2026-12-07T10:00:50Z" });

        var recap = await RecapAsync(Channel);

        Assert.Multiple(() =>
        {
            Assert.That(recap.Heading, Is.EqualTo("📊 **Rückblick Woche 49** · Saison 2026 (verspätet)"));
            Assert.That(recap.Standings, Is.EqualTo(
                "🥇 **Anna Tester** — 3/3 ✅\n**Lukas Tester** — 1/3 ❌ 5,00 €\n*1 Mitglied(er) nicht gezeigt: Sie haben Berichten im Kanal nicht zugestimmt.*\n\n"
                + "🔥 Längste Serie: **Anna Tester** — 2 Wochen in Folge geschafft\n💰 Topf bisher: **20,00 €** (Wochen 1–49)"));
        });
    }
}
