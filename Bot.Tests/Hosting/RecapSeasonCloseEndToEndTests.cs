namespace Bot.Tests.Hosting;

/// <summary>
/// The recap after a season's last week (week 53 of 2026, closing in January 2027) is followed by the season close:
/// the final ledger, the season picture and how admins start the next season.
/// </summary>
[Category(TestCategories.Process)]
public sealed class RecapSeasonCloseEndToEndTests : RecapEndToEndFixture
{
    [Test]
    public async Task Recap_AfterTheSeasonsLastWeekInJanuary_AlsoPostsTheFinalLedgerAndSeasonPicture()
    {
        await SetChannelAsync(Guild, Channel, 8 * 60);
        World.Start(new Dictionary<string, string?> { ["CLOCK_START_UTC"] = "2027-01-04T07:59:50Z" });

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
}
