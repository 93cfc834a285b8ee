using Bot.Discord.Entities;

namespace Bot.Tests.Discord.Commands;

/// <summary>Long output is paged, never cut off nor over a limit.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class DiscordPagesTests
{
    [Test]
    public void Split_LongTextOfLines_PagesWithinLimitAtLineBreaksLosingNothing()
    {
        var lines = Enumerable.Range(1, 500).Select(i => $"{i,3}. athlete {i} — {i * 7 % 100} points").ToList();
        var text = string.Join('\n', lines);

        var pages = DiscordPages.Split(text, 2000);

        Assert.That(pages, Has.Count.GreaterThan(1));
        Assert.That(pages.Select(p => p.Length), Is.All.LessThanOrEqualTo(2000));
        Assert.That(string.Join('\n', pages), Is.EqualTo(text));
    }

    [Test]
    public void Split_OneLineLongerThanAPage_IsHardSplit()
    {
        var pages = DiscordPages.Split(new string('x', 5000), 2000);

        Assert.That(pages.Select(p => p.Length), Is.EqualTo(new[] { 2000, 2000, 1000 }));
    }

    [Test]
    public void ToEmbeds_LongStandings_OneValidEmbedPerPageNumbered()
    {
        var text = string.Join('\n', Enumerable.Range(1, 800).Select(i => $"athlete {i}: {i} points"));

        var embeds = DiscordPages.ToEmbeds("Standings", text, 0x3498DB);

        Assert.That(embeds, Has.Count.GreaterThan(1));
        Assert.That(embeds.Select(e => e.CharacterCount), Is.All.LessThanOrEqualTo(DiscordLimits.EmbedTotal));
        Assert.That(embeds[0].Title, Is.EqualTo($"Standings (1/{embeds.Count})"));
        Assert.That(string.Join('\n', embeds.Select(e => e.Description)), Is.EqualTo(text));
    }
}
