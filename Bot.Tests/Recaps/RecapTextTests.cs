using Bot.Discord.Rest;
using Bot.Recaps;
using Bot.Scoring;
using Bot.Texts;

namespace Bot.Tests.Recaps;

/// <summary>The recap's and the season close's texts: computed numbers only, amounts as the answers format them.</summary>
[Category(TestCategories.Unit)]
public sealed class RecapTextTests
{
    private static readonly Recap Week49 = new(
        2026,
        49,
        Late: false,
        LastWeek: false,
        PointsRequired: 3,
        [
            new RecapRow("Anna", new WeekResult(49, 4, WeekStatus.Passed, 2, 0), MemberState.Active),
            new RecapRow("Lukas", new WeekResult(49, 1, WeekStatus.Failed, 0, 5), MemberState.Active),
            new RecapRow("Tom", new WeekResult(49, 0, WeekStatus.Joker, 0, 0), MemberState.Active),
            new RecapRow("Marie", new WeekResult(49, 0, WeekStatus.NoData, 0, 0), MemberState.Syncing),
        ],
        Hidden: 1,
        Pot: 45,
        LongestRun: (["Anna"], 3),
        Ledger: [("Lukas", 25), ("Anna", 5.5m)]);

    [Test]
    public void Standings_AWeek_EveryStatusWithPointsAmountsRunAndPot()
    {
        var text = RecapText.Standings(Week49, "€", Language.English);

        Assert.That(text, Is.EqualTo("""
            🥇 **Anna** — 4/3 ✅
            **Lukas** — 1/3 ❌ 5.00 €
            **Tom** — 0/3 🃏 joker
            **Marie** — ?/3 ❔ still syncing
            *1 member(s) not shown: they did not agree to channel reports.*

            🔥 Longest run: **Anna** — 3 weeks passed in a row
            💰 Pot so far: **45.00 €** (weeks 1–49)
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Heading_OnTimeOrLate_LateSaysSoInTheFirstLine()
    {
        Assert.That((RecapText.Heading(Week49, Language.English), RecapText.Heading(Week49 with { Late = true }, Language.English)),
            Is.EqualTo(("📊 **Week 49 recap** · season 2026", "📊 **Week 49 recap** · season 2026 (late)")));
    }

    [Test]
    public void Ledger_SeasonClose_TotalsPotAndHowToStartTheNextSeason()
    {
        var text = RecapText.Ledger(Week49 with { Week = 53, LastWeek = true }, "€", Language.English);

        Assert.That(text, Is.EqualTo("""
            **Lukas** — 25.00 €
            **Anna** — 5.50 €
            *1 member(s) not shown: they did not agree to channel reports (the pot still counts them).*

            💰 **Final pot: 45.00 €**
            Admins: start season 2027 with `/admin season start year:2027` — the members and rules carry over; `/admin rules` changes the rules.
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Standings_GermanServer_GermanTextsAndDecimalComma()
    {
        var text = RecapText.Standings(Week49 with { PointsRequired = 2.5m }, "€", Language.German);

        Assert.That(text, Is.EqualTo("""
            🥇 **Anna** — 4/2,5 ✅
            **Lukas** — 1/2,5 ❌ 5,00 €
            **Tom** — 0/2,5 🃏 Joker
            **Marie** — ?/2,5 ❔ synchronisiert noch
            *1 Mitglied(er) nicht gezeigt: Sie haben Berichten im Kanal nicht zugestimmt.*

            🔥 Längste Serie: **Anna** — 3 Wochen in Folge geschafft
            💰 Topf bisher: **45,00 €** (Wochen 1–49)
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Heading_GermanAndLate_SaysVerspaetetInTheFirstLine()
    {
        Assert.That((RecapText.Heading(Week49 with { Late = true }, Language.German), RecapText.CloseHeading(Week49 with { Late = true }, Language.German)),
            Is.EqualTo(("📊 **Rückblick Woche 49** · Saison 2026 (verspätet)", "🏁 **Saison 2026 ist vorbei** (verspätet)")));
    }

    [Test]
    public void Ledger_GermanSeasonClose_GermanTotalsPotAndNextSeason()
    {
        var text = RecapText.Ledger(Week49 with { Week = 53, LastWeek = true, Hidden = 0 }, "€", Language.German);

        Assert.That(text, Is.EqualTo("""
            **Lukas** — 25,00 €
            **Anna** — 5,50 €

            💰 **Endstand im Topf: 45,00 €**
            Admins: Saison 2027 startet mit `/admin season start year:2027` — Mitglieder und Regeln bleiben; `/admin rules` ändert die Regeln.
            """.ReplaceLineEndings("\n")));
    }

    [TestCase(403, 50013, "Recap of week 49 not posted: I lack permissions in the channel (Discord 50013). Fix its permissions or pick another channel with `/admin channel set`.")]
    [TestCase(404, 10003, "Recap of week 49 not posted: the channel no longer exists (Discord 10003). Pick another with `/admin channel set`.")]
    public void Outcome_DiscordRefuses_SaysWhyAndWhatToDo(int status, int code, string expected)
    {
        var result = new DiscordResult(status == 403 ? DiscordResultKind.Forbidden : DiscordResultKind.NotFound, status, code, "Missing Permissions");

        Assert.That(RecapText.Outcome(PostOutcome.Of(PostOutcome.Recap, 49, result), Language.English), Is.EqualTo(expected));
    }

    [TestCase("recap:49:forbidden:50013",
        "Rückblick der Woche 49 nicht gepostet: Mir fehlen Berechtigungen im Kanal (Discord 50013). Korrigier seine Berechtigungen oder wähl mit `/admin channel set` einen anderen Kanal.")]
    [TestCase("close:2026:posted:", "Abschluss der Saison 2026 gepostet.")]
    [TestCase("recap:53:failed:", "Rückblick der Woche 53 nicht gepostet: Der Bot konnte ihn nicht vorbereiten (siehe sein Log).")]
    public void Outcome_StoredOutcomeForAGermanAdmin_SaidInGerman(string stored, string expected)
    {
        Assert.That(RecapText.Outcome(stored, Language.German), Is.EqualTo(expected));
    }

    [Test]
    public void Outcome_SentenceRecordedBeforeOutcomesWereStoredWithoutWords_ShownAsRecorded()
    {
        const string Recorded = "Recap of week 49 not posted: the channel no longer exists (Discord 10003). Pick another with `/admin channel set`.";

        Assert.That(RecapText.Outcome(Recorded, Language.German), Is.EqualTo(Recorded));
    }

    [Test]
    public void Encode_AnyOtherAnswerWithColonsInItsMessage_ParsesBackToTheSameOutcome()
    {
        var outcome = PostOutcome.Of(PostOutcome.Close, 2026, new DiscordResult(DiscordResultKind.Failed, 400, 50035, "Invalid Form Body: content: too long"));

        Assert.That((outcome.Encode(), PostOutcome.Parse(outcome.Encode())),
            Is.EqualTo(("close:2026:other:Failed 400 Invalid Form Body: content: too long", outcome)));
    }
}
