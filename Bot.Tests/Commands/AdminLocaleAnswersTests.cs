using System.Text.Json;
using Bot.Data.Repositories;
using Bot.Discord.Guilds;
using Bot.Standings;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Discord.Guilds.FakeGuildJson;

namespace Bot.Tests.Commands;

/// <summary>
/// The real host (in-process) in German: the /admin answers, /admin channel (its refusals and what became of the last
/// post) and /season answer in the invoker's language, English still word for word for every other locale.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class AdminLocaleAnswersTests
{
    private const string German = "\"locale\":\"de\",";
    private const string Admin = "32";
    private const long Usable = 970;
    private const long NoSendOrFiles = 971;
    private InProcessBot _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _) = await WebSeed.StartBotAsync();
        await _host.Commands.IdentifiedAsync();

        // The server as Discord describes it after READY: one channel the bot may post in, one where it may only look.
        var guilds = _host.Services.GetRequiredService<GuildCache>();
        await Eventually.ThatAsync(() => guilds.BotId != 0, "READY");
        _host.Discord.Dispatch("GUILD_CREATE", GuildCreate(InProcessBot.Guild, [(InProcessBot.Guild, ViewSendAttach)],
            [(Usable, []), (NoSendOrFiles, [Overwrite(InProcessBot.Guild, 0, "0", "34816")])], [], locale: "en-US"));
        await Eventually.ThatAsync(() => guilds.Find(InProcessBot.Guild) is not null, "the GUILD_CREATE in the cache");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("de", "`Anna` ist weder eine Erwähnung noch eine Discord-Nutzer-ID. Nichts geändert.")]
    [TestCase("en-US", "`Anna` is not a member mention or a Discord user id. Nothing changed.")]
    public async Task MemberRemove_NotAMention_OneLineInTheInvokersLanguage(string locale, string expected)
    {
        var answer = await AdminAsync("member", "remove", """{"name":"member","type":3,"value":"Anna"}""", $"\"locale\":\"{locale}\",");

        Assert.That(answer, Is.EqualTo(expected));
    }

    [Test]
    public async Task SeasonStartAndRulesSet_LocaleDe_GermanLinesAndNothingChanged()
    {
        var rules = await RulesJsonAsync();

        var start = await AdminAsync("season", "start", """{"name":"year","type":4,"value":2026}""", German);
        var set = await AdminAsync("rules", "set", """{"name":"key","type":3,"value":"points_required"},{"name":"value","type":3,"value":"vier"}""", German);
        var after = await RulesJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(start, Is.EqualTo("Saison 2026 läuft in diesem Server schon."));
            Assert.That(set, Is.EqualTo("`vier` ist kein JSON-Wert (Zahlen wie 4 oder 2.5, Text in Anführungszeichen). Nichts geändert."));
            Assert.That(after, Is.EqualTo(rules).And.Not.Null);
        });
    }

    [Test]
    public async Task StandingsRecompute_LocaleDe_GermanDateMembersAndPot()
    {
        var answer = await AdminAsync("standings", "recompute", "", German);

        Assert.That(answer, Does.Match(@"^Saison 2026 neu berechnet, Stand \d\d\.\d\d\.2026: 2 Mitglied\(er\), Topf \d+,\d\d €\.$"));
    }

    [Test]
    public async Task ChannelSet_ChannelTheBotCannotPostInLocaleDe_GermanLineAndNothingSaved()
    {
        var answer = await AdminAsync("channel", "set", $$"""{"name":"channel","type":7,"value":"{{NoSendOrFiles}}"}""", German);
        var setting = await Settings.GetAsync(InProcessBot.Guild);

        Assert.That(answer, Is.EqualTo($"Ich kann <#{NoSendOrFiles}> nicht nutzen: Mir fehlen dort Berechtigungen: Nachrichten senden, Dateien anhängen. "
            + "Gib sie meiner Rolle in den Berechtigungen des Kanals, dann führ den Befehl noch einmal aus. Nichts gespeichert."));
        Assert.That(setting?.ChannelId, Is.Not.EqualTo(NoSendOrFiles));
    }

    [Test]
    public async Task ChannelShow_LastRecapRefusedLocaleDe_GermanScheduleAndOutcome()
    {
        var set = await AdminAsync("channel", "set", $$"""{"name":"channel","type":7,"value":"{{Usable}}"},{"name":"time","type":3,"value":"18:30"}""", German);
        // As the recap poster records a refusal (RecapPoster.SendAsync): the outcome without words.
        await Settings.RecordOutcomeAsync(InProcessBot.Guild, "recap:49:forbidden:50013", new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc));

        var show = await AdminAsync("channel", "show", "", German);
        var english = await AdminAsync("channel", "show", "", "\"locale\":\"en-GB\",");

        Assert.Multiple(() =>
        {
            Assert.That(set, Does.StartWith($"Rückblicke gehen jeden Montag um 18:30 (UTC) nach <#{Usable}>; der nächste am Montag, ")
                .And.EndWith("Die Uhrzeit änderst du mit `/admin channel set channel:#kanal time:HH:MM`; beenden kannst du sie mit `/admin channel off`."));
            Assert.That(show, Does.StartWith($"Rückblicke gehen jeden Montag um 18:30 (UTC) nach <#{Usable}>").And.EndWith(
                "\nLetzter Post (07.12.2026 08:00 UTC): Rückblick der Woche 49 nicht gepostet: Mir fehlen Berechtigungen im Kanal (Discord 50013). "
                + "Korrigier seine Berechtigungen oder wähl mit `/admin channel set` einen anderen Kanal."));
            Assert.That(english, Does.EndWith(
                "\nLast post (2026-12-07 08:00 UTC): Recap of week 49 not posted: I lack permissions in the channel (Discord 50013). "
                + "Fix its permissions or pick another channel with `/admin channel set`."));
        });
    }

    [Test]
    public async Task Export_LocaleDe_GermanNoteAndFileDescriptions()
    {
        var (answer, _) = await _host.Commands.InvokeAsync("admin", """[{"name":"export","type":1}]""", WebSeed.AnnaDiscordId, permissions: Admin, files: 1, extra: German);

        Assert.That(answer.Body, Does.Contain("Saison 2026, Stand ")
            .And.Contain(" 1 Mitglied(er) nicht enthalten: Sie haben Berichten im Kanal nicht zugestimmt")
            .And.Contain("Saison 2026: eine Zeile je Mitglied mit der Summe")
            .And.Contain("Saison 2026: eine Zeile je Mitglied und Woche"));
        Assert.That(answer.Body, Does.Contain(LedgerCsv.MembersHeader).And.Contain(LedgerCsv.WeeksHeader), "the files' contents stay as they are");
    }

    [Test]
    public async Task Season_LocaleDe_GermanPrivateLineAndPictureDescription()
    {
        var (answer, posts) = await _host.Commands.InvokeAsync("season", user: WebSeed.AnnaDiscordId, files: 1, extra: German);

        Assert.That(Content(answer), Does.Match(@"^Das Bild der Saison 2026 steht unten \(Topf \d+,\d\d €, Stand \d\d\.\d\d\.2026\)\.$"));
        Assert.That(posts.Single(SlashCommands.HasFiles).Body, Does.Contain("Saison 2026: eine Zeile je Mitglied, eine Zelle je Woche"));
    }

    private ChannelSettingRepository Settings => _host.Services.GetRequiredService<ChannelSettingRepository>();

    private async Task<string?> RulesJsonAsync() =>
        (await _host.Services.GetRequiredService<ChallengeRepository>().GetAsync(InProcessBot.Guild, 2026))?.RulesJson;

    private async Task<string> AdminAsync(string group, string subcommand, string options, string extra)
    {
        var json = $$"""[{"name":"{{group}}","type":2,"options":[{"name":"{{subcommand}}","type":1,"options":[{{options}}]}]}]""";
        var (answer, _) = await _host.Commands.InvokeAsync("admin", json, WebSeed.AnnaDiscordId, permissions: Admin, settle: TimeSpan.Zero, extra: extra);
        return Content(answer);
    }

    private static string Content(FakeRestRequest answer)
    {
        using var edit = JsonDocument.Parse(answer.Body);
        return edit.RootElement.GetProperty("content").GetString()!;
    }
}
