using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Discord.Rest;
using Bot.Strava;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Discord.Rest;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Commands;

/// <summary>
/// The real host (in-process) in German for the member commands: /me, /help, /joker, /season, /strava_auth, /join and
/// /unlink answer in the interaction's language, and the /remind day choices are registered with German names. The
/// clock stands on Wednesday of 2026-W11, so the amounts and dates are exact.
/// </summary>
[Category(TestCategories.Integration)]
public sealed partial class MemberLocaleAnswersTests
{
    private const string German = "\"locale\":\"de\",";
    private const string ExportMe = """[{"name":"me","type":1}]""";
    private InProcessBot _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _) = await WebSeed.StartBotAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero)));
        await _host.Commands.IdentifiedAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex Url();

    [TestCase("de", "Anna Tester · Saison 2026", "Gesamt: **50,00 €** · Joker übrig: 1\n\n**Woche 11** — 0/3 ⏳ läuft noch\n",
        "**Woche 2** — 1/3 ❌ 5,00 €\n  • Di 07:00 Run 40 Min. — Secret lakeside loop · ⭐ +1\n")]
    [TestCase("en-US", "Anna Tester · season 2026", "Total: **50.00 €** · jokers left: 1\n\n**Week 11** — 0/3 ⏳ in progress\n",
        "**Week 2** — 1/3 ❌ 5.00 €\n  • Tue 07:00 Run 40 min — Secret lakeside loop · ⭐ +1\n")]
    public async Task Me_Locale_WeeksAndActivitiesInTheInvokersLanguage(string locale, string title, string head, string week2)
    {
        var (answer, _) = await _host.Commands.InvokeAsync("me", user: WebSeed.AnnaDiscordId, extra: $"\"locale\":\"{locale}\",");

        var (shownTitle, text) = Embed(answer);
        Assert.Multiple(() =>
        {
            Assert.That(shownTitle, Is.EqualTo(title));
            Assert.That(text, Does.StartWith(head));
            Assert.That(text, Does.Contain(week2));
        });
    }

    [Test]
    public async Task Me_LocaleDeSyncingMemberWithReminderSwitchedOff_GermanNoticeAndSyncingNote()
    {
        var reminders = _host.Services.GetRequiredService<ReminderRepository>();
        await reminders.SwitchOnAsync(InProcessBot.Guild, WebSeed.MarieDiscordId, DayOfWeek.Sunday, 18 * 60);
        await reminders.SwitchOffAsync(InProcessBot.Guild, WebSeed.MarieDiscordId, notice: "stored in the server's language");

        var (answer, _) = await _host.Commands.InvokeAsync("me", user: WebSeed.MarieDiscordId, extra: German);

        var (_, text) = Embed(answer);
        Assert.That(text, Does.StartWith(
            "⚠️ Deine Erinnerung ist aus: Discord hat den Bot dir keine Direktnachricht schicken lassen. Erlaube Direktnachrichten von Mitgliedern dieses Servers, dann wieder `/remind on`.\n\n"
            + "Gesamt: **0,00 €** · Joker übrig: 1\n"
            + "❔ Synchronisiert mit Strava (letzte Synchronisierung nie): Deine Wochen zeigen keine Daten und kosten nichts, bis deine Saison zum ersten Mal vollständig nachgeladen ist.\n"));
    }

    [Test]
    public async Task Help_LocaleDe_GermanTitleAndDescriptions()
    {
        var (answer, pages) = await _host.Commands.InvokeAsync("help", user: WebSeed.AnnaDiscordId, extra: German);

        var (title, first) = Embed(answer);
        var text = first + SlashCommands.Text(pages);
        Assert.Multiple(() =>
        {
            Assert.That(title, Is.EqualTo("ChallengeBot-Befehle"));
            Assert.That(text, Does.Contain("**/week** — Der Stand einer Woche: Punkte, geschafft oder nicht, fälliger Betrag und ein Balkenbild\n"
                + "  • `week` (optional) (1–53): Nummer der Woche; weglassen für die laufende Woche\n"));
            Assert.That(text, Does.Contain("**/admin season start** — Eine Saison starten; die Mitglieder der letzten Saison werden übernommen *(Admins)*\n"));
        });
    }

    [Test]
    public async Task Joker_LocaleDeTwice_SpentThenTakenBackInGerman()
    {
        var spent = await ContentAsync("joker", WebSeed.AnnaDiscordId);
        var back = await ContentAsync("joker", WebSeed.AnnaDiscordId);

        Assert.That((spent, back), Is.EqualTo((
            "🃏 Joker für Woche 11 eingesetzt. Joker übrig: 0. Mit `/joker` nimmst du ihn diese Woche wieder zurück.",
            "Joker für Woche 11 zurückgenommen. Joker übrig: 1.")));
    }

    [Test]
    public async Task Season_LocaleDe_GermanNoteWithGermanAmountAndDate()
    {
        var (answer, _) = await _host.Commands.InvokeAsync("season", user: WebSeed.AnnaDiscordId, extra: German, files: 1);

        Assert.That(Content(answer), Is.EqualTo("Das Bild der Saison 2026 steht unten (Topf 50,00 €, Stand 11.03.2026)."));
    }

    [Test]
    public async Task ExportMe_LocaleDe_GermanNoteAndFileDescriptionsOverTheFiles()
    {
        var (answer, _) = await _host.Commands.InvokeAsync("export", ExportMe, WebSeed.AnnaDiscordId, extra: German, files: 1);

        var body = await MultipartBody.ParseAsync(answer.Header("Content-Type"), answer.BodyBytes);
        using var payload = JsonDocument.Parse(body["payload_json"].Text);
        var descriptions = payload.RootElement.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("description").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(payload.RootElement.GetProperty("content").GetString(),
                Is.EqualTo("Deine gespeicherten Daten der Saison 2026, Stand 11.03.2026: deine Aktivitäten, Wochen und Joker (keine Strava-Tokens). Nur du siehst das."));
            Assert.That(descriptions, Is.EqualTo(new[] { "Saison 2026: das Export-Dokument (wie das export-Kommando der Kommandozeile)", "Saison 2026: deine Wochen" }));
        });
    }

    [Test]
    public async Task ExportMe_LocaleDeOverTheAttachmentLimit_GermanLineWithDecimalCommaAndTheCliCommand()
    {
        var (answer, _) = await _host.Commands.InvokeAsync("export", ExportMe, WebSeed.AnnaDiscordId, extra: German + "\"attachment_size_limit\":100,");

        Assert.That(Content(answer), Is.EqualTo(
            $"Der Export ist 0,0 MiB groß, mehr als Discord hier in einer Nachricht annimmt (0 MiB). Führe auf dem Rechner des Bots `Bot export --guild {InProcessBot.Guild} --season 2026` aus."));
    }

    [Test]
    public async Task StravaAuth_LocaleDe_GermanLinkTextAndConsent()
    {
        var answer = await ContentAsync("strava_auth", 511);

        var url = Url().Match(answer).Value;
        Assert.That(answer, Is.EqualTo($"Verknüpfe dein Strava-Konto: {url}\n"
            + "Öffne ihn nur selbst und teile ihn mit niemandem: Er ist für @u511 gemacht und verknüpft jeden, der damit weitermacht, mit diesem Discord-Konto. "
            + "Er funktioniert einmal und läuft in 10 Minuten ab. Lass auf Strava „View data about your activities“ angehakt.\n"
            + "Die Kanalberichte dieses Servers zeigen nur, was der Bot berechnet: deine Punkte, geschafft oder nicht, und fällige Beträge. "
            + "Nie Namen, Distanzen, Dauer oder Karten deiner Aktivitäten — die siehst nur du, privat (`/me`)."));
    }

    [Test]
    public async Task Join_LocaleDeAlreadyInWithoutConsent_GermanStaysOutLine()
    {
        var answer = await ContentAsync("join", WebSeed.MarieDiscordId);

        Assert.That(answer, Is.EqualTo("Du bist schon in der Saison 2026 dieses Servers.\n"
            + "Du bleibst aus den Kanalberichten heraus: Der Kanal zeigt nur, wie viele Mitglieder ausgeblendet sind. Deinen eigenen Stand siehst du weiter in `/me`."));
    }

    [Test]
    public async Task Unlink_LocaleDeWithoutLink_GermanNothingToRemove()
    {
        _host.Linking.UnlinkAnswer = UnlinkOutcome.WasNotLinked;

        var answer = await ContentAsync("unlink", WebSeed.UnlinkedDiscordId);

        Assert.That(answer, Is.EqualTo("Du hast keine Strava-Verknüpfung, also gab es nichts zu entfernen."));
    }

    [Test]
    public void Registration_RemindOnDay_ChoicesCarryTheGermanWeekdayNames()
    {
        var remind = _host.Services.GetRequiredService<SlashCommandRegistry>().Definitions.Single(d => d.Name == "remind");
        using var json = JsonDocument.Parse(DiscordJson.Serialize(remind));

        var day = json.RootElement.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "on")
            .GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "day");
        var names = day.GetProperty("choices").EnumerateArray()
            .Select(c => (c.GetProperty("value").GetString(), c.GetProperty("name_localizations").GetProperty("de").GetString()));

        Assert.That(names, Is.EqualTo(new (string?, string?)[]
        {
            ("Sunday", "Sonntag"), ("Monday", "Montag"), ("Tuesday", "Dienstag"), ("Wednesday", "Mittwoch"),
            ("Thursday", "Donnerstag"), ("Friday", "Freitag"), ("Saturday", "Samstag"),
        }));
    }

    private async Task<string> ContentAsync(string command, long user)
    {
        var (answer, _) = await _host.Commands.InvokeAsync(command, user: user, extra: German);
        return Content(answer);
    }

    private static string Content(FakeRestRequest answer)
    {
        using var edit = JsonDocument.Parse(answer.Body);
        return edit.RootElement.GetProperty("content").GetString()!;
    }

    // The first page of a paged private answer: the edit of the deferral, with one embed.
    private static (string Title, string Text) Embed(FakeRestRequest answer)
    {
        using var edit = JsonDocument.Parse(answer.Body);
        var embed = edit.RootElement.GetProperty("embeds")[0];
        return (embed.GetProperty("title").GetString()!, embed.GetProperty("description").GetString()!);
    }
}
