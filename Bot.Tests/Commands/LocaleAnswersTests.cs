using System.Text.Json;
using Bot.Discord.Commands;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using Bot.Texts;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Commands;

/// <summary>
/// The real host (in-process) in German: /week and /total answer in the interaction's language (German for "de",
/// English otherwise), and the commands are registered with their German descriptions.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class LocaleAnswersTests
{
    private const string Week2 = """[{"name":"week","type":4,"value":2}]""";
    private InProcessBot _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _) = await WebSeed.StartBotAsync();
        await _host.Commands.IdentifiedAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("de", "Stand der Woche 2 steht unten.", "Woche 2 · Saison 2026", "*1 Mitglied(er) nicht gezeigt: Sie haben Berichten im Kanal nicht zugestimmt.*")]
    [TestCase("en-US", "Week 2 standings posted below.", "Week 2 · season 2026", "*1 member(s) not shown: they did not agree to channel reports.*")]
    public async Task Week_Locale_PrivateLineAndStandingsInTheInvokersLanguage(string locale, string posted, string title, string hidden)
    {
        var (answer, posts) = await _host.Commands.InvokeAsync("week", Week2, WebSeed.AnnaDiscordId, expectPublic: true, extra: $"\"locale\":\"{locale}\",");

        var text = SlashCommands.Text(posts);
        Assert.Multiple(() =>
        {
            Assert.That(Content(answer), Is.EqualTo(posted));
            Assert.That(text, Does.StartWith(title + "\n"));
            Assert.That(text, Does.Contain(hidden));
        });
    }

    [Test]
    public async Task Total_LocaleDe_GermanLedgerPotLineAndDate()
    {
        var (answer, posts) = await _host.Commands.InvokeAsync("total", user: WebSeed.AnnaDiscordId, expectPublic: true, extra: "\"locale\":\"de\",");

        var text = SlashCommands.Text(posts);
        Assert.Multiple(() =>
        {
            Assert.That(Content(answer), Is.EqualTo("Abrechnung der Saison 2026 steht unten."));
            Assert.That(text, Does.StartWith("Saison 2026 · der Topf\n"));
            Assert.That(text, Does.Match(@"\*\*Topf: [\d.]+,\d\d €\*\* · Wochen 1–\d+ · Stand \d\d\.\d\d\.\d{4} · Aktivitätsdaten "));
        });
    }

    [TestCase("de", "Dieser Befehl funktioniert im Kanal eines Servers, nicht in Direktnachrichten.")]
    [TestCase("en-US", "This command works in a server's channel, not in direct messages.")]
    public async Task Week_InADirectMessage_GuardRefusesInTheInvokersLanguage(string locale, string expected)
    {
        var (answer, posts) = await _host.Commands.InvokeAsync("week", user: WebSeed.AnnaDiscordId, inGuild: false, extra: $"\"locale\":\"{locale}\",");

        Assert.That((Content(answer), posts.Count), Is.EqualTo((expected, 0)));
    }

    [TestCase("de", "`week` muss zwischen 1 und 53 liegen.")]
    [TestCase("en-US", "`week` must be between 1 and 53.")]
    public async Task Week_OptionOutOfRange_TheClientsLineInTheInvokersLanguage(string locale, string expected)
    {
        var (answer, posts) = await _host.Commands.InvokeAsync("week", """[{"name":"week","type":4,"value":99}]""", WebSeed.AnnaDiscordId, extra: $"\"locale\":\"{locale}\",");

        Assert.That((Content(answer), posts.Count), Is.EqualTo((expected, 0)));
    }

    [Test]
    public void Registration_TheBotsCommands_CarryTheGermanDescriptionsOfTheCatalog()
    {
        var week = _host.Services.GetRequiredService<SlashCommandRegistry>().Definitions.Single(d => d.Name == "week");

        Assert.That(week.DescriptionLocalizations, Is.EqualTo(new Dictionary<string, string> { ["de"] = Catalog.Text(Language.German, "describe.week") }));
    }

    private static string Content(FakeRestRequest answer)
    {
        using var edit = JsonDocument.Parse(answer.Body);
        return edit.RootElement.GetProperty("content").GetString()!;
    }
}
