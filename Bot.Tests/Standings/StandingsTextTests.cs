using Bot.Commands;
using Bot.Scoring;
using Bot.Texts;

namespace Bot.Tests.Standings;

/// <summary>The /week and /total channel texts for members without data: a broken link, a first back-fill still running, a member who left.</summary>
[Category(TestCategories.Unit)]
public sealed class StandingsTextTests
{
    [Test]
    public void Week_MemberWithoutData_ShownAsUnknownWithoutPointsMedalOrAmount()
    {
        var text = StandingsText.Week(11,
        [
            ("Anna", new WeekResult(11, 2, WeekStatus.Passed, 0, 0m), MemberState.Active, null),
            ("Ben", new WeekResult(11, 4, WeekStatus.NoData, 0, 0m), MemberState.Active, null),
        ], 3m, "€", 0, Language.English);

        var ben = text.Split('\n').Single(l => l.Contains("Ben", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(ben, Is.EqualTo("**Ben** — ?/3 ❔ unknown / no data"));
            Assert.That(text, Does.Contain("🥇 **Anna**"), "the best known score gets the medal");
        });
    }

    [Test]
    public void Week_SyncingMember_ShownAsSyncingWithTheLastSync()
    {
        var text = StandingsText.Week(11,
        [
            ("Anna", new WeekResult(11, 2, WeekStatus.Passed, 0, 0m), MemberState.Active, null),
            ("Lukas", new WeekResult(11, 0, WeekStatus.NoData, 0, 0m), MemberState.Syncing, "last sync never"),
        ], 3m, "€", 0, Language.English);

        Assert.That(text.Split('\n'), Does.Contain("**Lukas** — ?/3 ❔ syncing / no data · last sync never"));
    }

    [Test]
    public void Week_MemberWhoLeft_ShowsTheFrozenResultAndWhenTheyLeft()
    {
        var text = StandingsText.Week(2,
            [("Jonas", new WeekResult(2, 1, WeekStatus.Failed, 1, 10m), MemberState.Left, "left on 2024-03-06")], 3m, "€", 0, Language.English);

        Assert.That(text.Split('\n'), Does.Contain("🥇 **Jonas** — 1/3 ❌ 10.00 € · left on 2024-03-06"));
    }

    [Test]
    public void Week_German_GermanStatusNotesAndDecimalComma()
    {
        var text = StandingsText.Week(2,
        [
            ("Jonas", new WeekResult(2, 1, WeekStatus.Failed, 1, 10m), MemberState.Left, "ausgetreten am 06.03.2024"),
            ("Lukas", new WeekResult(2, 0, WeekStatus.NoData, 0, 0m), MemberState.Syncing, "letzte Synchronisierung nie"),
            ("Tom", new WeekResult(2, 0, WeekStatus.Joker, 0, 0m), MemberState.Active, null),
        ], 2.5m, "€", 1, Language.German);

        Assert.That(text, Is.EqualTo("""
            🥇 **Jonas** — 1/2,5 ❌ 10,00 € · ausgetreten am 06.03.2024
            **Lukas** — ?/2,5 ❔ synchronisiert / keine Daten · letzte Synchronisierung nie
            **Tom** — 0/2,5 🃏 Joker
            *1 Mitglied(er) nicht gezeigt: Sie haben Berichten im Kanal nicht zugestimmt.*

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Total_SyncingAndLeftMembers_SyncingOwesNothingAndLeftKeepsTheAmount()
    {
        var text = StandingsText.Total(
        [
            ("Anna", 5m, MemberState.Active, null),
            ("Lukas", 0m, MemberState.Syncing, "last sync 2024-03-01 12:00 UTC"),
            ("Jonas", 15m, MemberState.Left, "left on 2024-03-06"),
        ], "€", 0, null, Language.English);

        Assert.That(text.Split('\n'), Is.SupersetOf(new[]
        {
            "🤑 **Jonas** — 15.00 € · left on 2024-03-06",
            "**Anna** — 5.00 €",
            "**Lukas** — ❔ syncing · last sync 2024-03-01 12:00 UTC",
        }));
    }

    [Test]
    public void Total_SyncingMemberWithFrozenWeeks_ShowsTheAmountAndThatTheyAreSyncing()
    {
        var text = StandingsText.Total([("Jonas", 15m, MemberState.Syncing, "last sync never")], "€", 0, null, Language.English);

        Assert.That(text.Split('\n')[0], Is.EqualTo("🤑 **Jonas** — 15.00 € · ❔ syncing · last sync never"));
    }
}
