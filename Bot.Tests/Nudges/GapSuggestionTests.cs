using Bot.Nudges;
using Bot.Scoring;

namespace Bot.Tests.Nudges;

[Category(TestCategories.Unit)]
public sealed class GapSuggestionTests
{
    [Test]
    public void For_DefaultRules_SuggestsTheEasiestSportByName()
    {
        // Run and Swim both need 30 minutes; Run comes first by name.
        var suggestion = GapSuggestion.For(Rules.Default, gap: 2, daysLeft: 3);

        Assert.That(suggestion, Is.EqualTo(new GapSuggestion(2, "Run", 30, 3)));
    }

    [Test]
    public void For_WalkIsTheLowestThreshold_LeavesWalksOut()
    {
        var rules = Rules.Default with { SportMinutes = new Dictionary<string, decimal> { ["Walk"] = 10, ["WeightTraining"] = 45, ["Ride"] = 50 } };

        var suggestion = GapSuggestion.For(rules, gap: 1, daysLeft: 1);

        Assert.That(suggestion, Is.EqualTo(new GapSuggestion(1, "WeightTraining", 45, 1)));
    }

    [Test]
    public void For_OnlyWalksEarnPoints_IsNull()
    {
        var rules = Rules.Default with { SportMinutes = new Dictionary<string, decimal> { ["Walk"] = 60 } };

        Assert.That(GapSuggestion.For(rules, gap: 1, daysLeft: 4), Is.Null);
    }

    [TestCase(0, "3", 3)]
    [TestCase(2, "3", 1)]
    [TestCase(3, "3", 0)]
    [TestCase(5, "3", 0)]
    [TestCase(2, "2.5", 1)]
    [TestCase(0, "0.5", 1)]
    public void Gap_PointsAndTarget_IsTheMissingPointsRoundedUp(long points, string required, int expected)
    {
        Assert.That(GapSuggestion.Gap(points, decimal.Parse(required, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
    }

    [TestCase(2026, 12, 7, 7)] // Monday
    [TestCase(2026, 12, 10, 4)] // Thursday
    [TestCase(2026, 12, 13, 1)] // Sunday
    public void DaysLeftIn_Day_CountsTodayToSunday(int year, int month, int day, int expected)
    {
        Assert.That(GapSuggestion.DaysLeftIn(new DateOnly(year, month, day)), Is.EqualTo(expected));
    }

    [TestCase("Run", "run")]
    [TestCase("WeightTraining", "weight training")]
    [TestCase("VirtualRide", "virtual ride")]
    public void SportWords_SportType_IsLowercaseWords(string sport, string expected)
    {
        Assert.That(GapSuggestion.SportWords(sport), Is.EqualTo(expected));
    }
}
