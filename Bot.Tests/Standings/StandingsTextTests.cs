using Bot.Commands;
using Bot.Scoring;

namespace Bot.Tests.Standings;

/// <summary>The /week channel text for a member whose Strava link broke (strava-api.md §4 behaviour 7).</summary>
public sealed class StandingsTextTests
{
    [Test]
    public void Week_MemberWithoutData_ShownAsUnknownWithoutPointsMedalOrAmount()
    {
        var text = StandingsText.Week(11,
        [
            ("Anna", new WeekResult(11, 2, WeekStatus.Passed, 0, 0m)),
            ("Ben", new WeekResult(11, 4, WeekStatus.NoData, 0, 0m)),
        ], 3m, "€", 0);

        var ben = text.Split('\n').Single(l => l.Contains("Ben", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(ben, Is.EqualTo("**Ben** — ?/3 ❔ unknown / no data"));
            Assert.That(text, Does.Contain("🥇 **Anna**"), "the best known score gets the medal");
        });
    }
}
