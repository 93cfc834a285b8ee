using Bot.Nudges;

namespace Bot.Tests.Nudges;

[Category(TestCategories.Unit)]
public sealed class NudgeTextTests
{
    [Test]
    public void Reminder_OnePointMissingWithAJokerLeft_SaysTheGapTheActivityAndTheJoker()
    {
        var text = NudgeText.Reminder(49, points: 2, required: 3, new GapSuggestion(1, "Run", 30, 1), jokersLeft: 1);

        Assert.That(text, Is.EqualTo(
            "**Week 49: 2 of 3 points this week — 1 to go.**\n"
            + "That is one 30-minute run.\n"
            + "Or keep the week free with `/joker` (1 left).\n"
            + "`/remind off` in the server stops these reminders."));
    }

    [Test]
    public void Reminder_SeveralPointsAndNoJokerLeft_AsksForOneActivityPerDayAndLeavesTheJokerOut()
    {
        var text = NudgeText.Reminder(49, points: 0, required: 3, new GapSuggestion(3, "WeightTraining", 60, 4), jokersLeft: 0);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("**Week 49: 0 of 3 points this week — 3 to go.**\nThat is 3 × a 60-minute weight training, each on its own day.\n"));
            Assert.That(text, Does.Not.Contain("/joker"));
        });
    }

    [Test]
    public void Reminder_MorePointsThanDaysLeft_SaysEachDayCountsOnce()
    {
        var text = NudgeText.Reminder(49, points: 1, required: 3, new GapSuggestion(2, "Run", 30, 1), jokersLeft: 0);

        Assert.That(text, Does.Contain("That is 2 × a 30-minute run, each on its own day — more than the 1 day left this week, as each day counts once.\n"));
    }

    [Test]
    public void Reminder_FractionalTarget_ShowsTheTargetExactly()
    {
        var text = NudgeText.Reminder(3, points: 2, required: 2.5m, suggestion: null, jokersLeft: 0);

        Assert.That(text, Is.EqualTo("**Week 3: 2 of 2.5 points this week — 1 to go.**\n`/remind off` in the server stops these reminders."));
    }

    [Test]
    public void Milestone_Member_IsNameWeekAndPointsOnly()
    {
        Assert.That(NudgeText.Milestone("Anna Tester", 49, 10, 10), Is.EqualTo("✅ Anna Tester made week 49: 10/10"));
    }

    [Test]
    public void On_DayAndTime_ConfirmsBothWithTheZone()
    {
        Assert.That(NudgeText.On(DayOfWeek.Monday, 425, "Europe/Vienna"), Does.StartWith("Reminder on: every Monday at 07:05 (Europe/Vienna) you get a direct message"));
    }
}
