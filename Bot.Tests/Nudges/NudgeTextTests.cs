using Bot.Nudges;
using Bot.Texts;

namespace Bot.Tests.Nudges;

[Category(TestCategories.Unit)]
public sealed class NudgeTextTests
{
    [Test]
    public void Reminder_OnePointMissingWithAJokerLeft_SaysTheGapTheActivityAndTheJoker()
    {
        var text = NudgeText.Reminder(49, points: 2, required: 3, new GapSuggestion(1, "Run", 30, 1), jokersLeft: 1, Language.English);

        Assert.That(text, Is.EqualTo(
            "**Week 49: 2 of 3 points this week — 1 to go.**\n"
            + "That is one 30-minute run.\n"
            + "Or keep the week free with `/joker` (1 left).\n"
            + "`/remind off` in the server stops these reminders."));
    }

    [Test]
    public void Reminder_SeveralPointsAndNoJokerLeft_AsksForOneActivityPerDayAndLeavesTheJokerOut()
    {
        var text = NudgeText.Reminder(49, points: 0, required: 3, new GapSuggestion(3, "WeightTraining", 60, 4), jokersLeft: 0, Language.English);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("**Week 49: 0 of 3 points this week — 3 to go.**\nThat is 3 × a 60-minute weight training, each on its own day.\n"));
            Assert.That(text, Does.Not.Contain("/joker"));
        });
    }

    [Test]
    public void Reminder_MorePointsThanDaysLeft_SaysEachDayCountsOnce()
    {
        var text = NudgeText.Reminder(49, points: 1, required: 3, new GapSuggestion(2, "Run", 30, 1), jokersLeft: 0, Language.English);

        Assert.That(text, Does.Contain("That is 2 × a 30-minute run, each on its own day — more than the 1 day left this week, as each day counts once.\n"));
    }

    [Test]
    public void Reminder_FractionalTarget_ShowsTheTargetExactly()
    {
        var text = NudgeText.Reminder(3, points: 2, required: 2.5m, suggestion: null, jokersLeft: 0, Language.English);

        Assert.That(text, Is.EqualTo("**Week 3: 2 of 2.5 points this week — 1 to go.**\n`/remind off` in the server stops these reminders."));
    }

    [Test]
    public void Milestone_Member_IsNameWeekAndPointsOnly()
    {
        Assert.That(NudgeText.Milestone("Anna Tester", 49, 10, 10, Language.English), Is.EqualTo("✅ Anna Tester made week 49: 10/10"));
    }

    [Test]
    public void On_DayAndTime_ConfirmsBothWithTheZone()
    {
        Assert.That(NudgeText.On(DayOfWeek.Monday, 425, "Europe/Vienna", Language.English), Does.StartWith("Reminder on: every Monday at 07:05 (Europe/Vienna) you get a direct message"));
    }

    [Test]
    public void Reminder_German_GapActivityDaysAndJokerInGerman()
    {
        var text = NudgeText.Reminder(49, points: 1, required: 2.5m, new GapSuggestion(2, "Run", 30, 1), jokersLeft: 1, Language.German);

        Assert.That(text, Is.EqualTo(
            "**Woche 49: 1 von 2,5 Punkten diese Woche — noch 2.**\n"
            + "Das ist 2 × 30 Minuten Run, jedes an einem eigenen Tag — mehr Tage, als diese Woche noch bleiben (1 Tag), denn jeder Tag zählt nur einmal.\n"
            + "Oder halte die Woche mit `/joker` frei (noch 1).\n"
            + "`/remind off` im Server beendet diese Erinnerungen."));
    }

    [Test]
    public void Milestone_German_NameWeekAndPointsOnly()
    {
        Assert.That(NudgeText.Milestone("Anna Tester", 49, 10, 2.5m, Language.German), Is.EqualTo("✅ Anna Tester hat Woche 49 geschafft: 10/2,5"));
    }

    [Test]
    public void On_German_GermanWeekdayAndTime()
    {
        Assert.That(NudgeText.On(DayOfWeek.Sunday, 1080, "Europe/Vienna", Language.German),
            Does.StartWith("Erinnerung an: jeden Sonntag um 18:00 (Europe/Vienna) bekommst du eine Direktnachricht"));
    }
}
