using Bot.Commands;
using Bot.Discord.Commands;

namespace Bot.Tests.Commands;

/// <summary>The Discord client's own lines: German from the catalog for "de", the library's English otherwise.</summary>
[Category(TestCategories.Unit)]
public sealed class ClientTextsTests
{
    private static readonly ClientText[] Every =
    [
        ClientText.UnknownCommand, ClientText.Failure, ClientText.Required("week"), ClientText.Channel("channel"), ClientText.Choice("day", ["Monday", "Sunday"]),
        ClientText.Boolean("milestones"), ClientText.Range("week", 1, 53), ClientText.Range("year", 2000, null), ClientText.Range("n", null, 9), ClientText.Range("n", null, null),
    ];

    [Test]
    public void For_German_EveryLineHasItsTextWithItsArguments()
    {
        var texts = new ClientTexts();

        var german = Every.Select(t => texts.For("de", t)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(german, Has.None.Null, "every line has a German text");
            Assert.That(german.Zip(Every).Where(p => p.First == p.Second.English), Is.Empty, "none is the English");
            Assert.That(german.Zip(Every).Where(p => !p.Second.Arguments.All(a => p.First!.Contains(a, StringComparison.Ordinal))), Is.Empty, "every argument shown");
        });
    }

    [Test]
    public void For_NotGerman_NullSoTheLibrarysEnglishStays()
    {
        var texts = new ClientTexts();

        Assert.That(Every.Select(t => texts.For("en-US", t)).Concat(Every.Select(t => texts.For(null, t))), Has.All.Null);
    }

    [Test]
    public void Choice_English_NamesTheOptionAndEveryChoice()
    {
        Assert.That(ClientText.Choice("day", ["Monday", "Sunday"]).English, Is.EqualTo("`day` must be one of Monday, Sunday."));
    }
}
