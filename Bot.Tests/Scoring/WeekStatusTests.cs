using Bot.Scoring;

namespace Bot.Tests.Scoring;

/// <summary>SCORING.md "Status and amount of each week": statuses, streak, multiplier, cap, range of weeks.</summary>
[Category(TestCategories.Unit)]
public sealed class WeekStatusTests
{
    private static Season ThreeRunsInWeek(Season season, int week)
    {
        var monday = new DateOnly(2024, 1, 1).AddDays(7 * (week - 1));
        for (var day = 0; day < 3; day++)
        {
            season.Run($"{monday.AddDays(day):yyyy-MM-dd}T10:00", 40);
        }

        return season;
    }

    [Test]
    public void Status_FailedWeeksInARow_MultiplierEscalates()
    {
        var weeks = new Season(asOf: "2024-01-29").Score().Weeks;

        Assert.That(weeks.Select(w => (w.Status, w.Streak, w.Amount)), Is.EqualTo(new[]
        {
            (WeekStatus.Failed, 0, 5m), (WeekStatus.Failed, 1, 10m), (WeekStatus.Failed, 2, 20m), (WeekStatus.Failed, 3, 40m),
            (WeekStatus.InProgress, 4, 0m),
        }));
    }

    [Test]
    public void Status_PassedWeek_ResetsStreak()
    {
        var weeks = ThreeRunsInWeek(new Season(asOf: "2024-01-22"), 2).Score().Weeks;

        Assert.That(weeks.Select(w => (w.Status, w.Amount)), Is.EqualTo(new[]
        {
            (WeekStatus.Failed, 5m), (WeekStatus.Passed, 0m), (WeekStatus.Failed, 5m), (WeekStatus.InProgress, 0m),
        }));
    }

    [Test]
    public void Status_NoDataFromAWeek_ThatWeekAndLaterAreUnknownChargeNothingAndKeepTheStreak()
    {
        var weeks = ThreeRunsInWeek(new Season(asOf: "2024-01-29") { NoDataFrom = 3 }, 4).Joker(4).Score().Weeks;

        Assert.That(weeks.Select(w => (w.Week, w.Status, w.Streak, w.Amount)), Is.EqualTo(new[]
        {
            (1, WeekStatus.Failed, 0, 5m), (2, WeekStatus.Failed, 1, 10m), (3, WeekStatus.NoData, 2, 0m),
            (4, WeekStatus.Joker, 2, 0m), (5, WeekStatus.NoData, 2, 0m),
        }), "a joker stays a joker; the week in progress is unknown too");
        Assert.That(new Season(asOf: "2024-01-29") { NoDataFrom = 3 }.Score().Total, Is.EqualTo(15m));
    }

    [Test]
    public void Status_JokerWeek_CostsNothingAndKeepsStreak()
    {
        var weeks = new Season(asOf: "2024-01-22").Joker(2).Score().Weeks;

        Assert.That(weeks.Select(w => (w.Status, w.Streak, w.Amount)), Is.EqualTo(new[]
        {
            (WeekStatus.Failed, 0, 5m), (WeekStatus.Joker, 1, 0m), (WeekStatus.Failed, 1, 10m), (WeekStatus.InProgress, 2, 0m),
        }));
    }

    [Test]
    public void Status_JokerOnInProgressWeek_ShowsJoker()
    {
        var weeks = new Season(asOf: "2024-01-10").Joker(2).Score().Weeks;

        Assert.That(weeks[^1].Status, Is.EqualTo(WeekStatus.Joker));
    }

    [Test]
    public void Status_InProgressWeek_CountsAllItsActivitiesButChargesNothing()
    {
        // As of Tuesday; Wednesday's and Thursday's runs are stored already and count.
        var week = ThreeRunsInWeek(new Season(asOf: "2024-01-09"), 2).Score().Weeks[^1];

        Assert.That((week.Week, week.Points, week.Status, week.Amount), Is.EqualTo((2, 3L, WeekStatus.InProgress, 0m)));
    }

    [Test]
    public void Weeks_AsOfSundayOfWeek_ThatWeekInProgress()
    {
        var weeks = new Season(asOf: "2024-01-14").Score().Weeks;

        Assert.That(weeks.Select(w => (w.Week, w.Status)), Is.EqualTo(new[] { (1, WeekStatus.Failed), (2, WeekStatus.InProgress) }));
    }

    [Test]
    public void Weeks_AsOfBeforeSeason_Empty()
    {
        var weeks = new Season(asOf: "2023-12-31").Score().Weeks;

        Assert.That(weeks, Is.Empty);
    }

    [Test]
    public void Weeks_StartWeek53In52WeekSeason_Empty()
    {
        var weeks = new Season(2024, "2025-06-01", Rules.Default with { StartWeek = 53 }).Score().Weeks;

        Assert.That(weeks, Is.Empty);
    }

    [Test]
    public void Weeks_AsOfAfterSeason_AllWeeksCompleteAndNoneBeyondLast()
    {
        var weeks = new Season(2020, "2021-06-01").Score().Weeks;

        Assert.That((weeks.Count, weeks[^1].Week, weeks.All(w => w.Status == WeekStatus.Failed)), Is.EqualTo((53, 53, true)));
    }

    [Test]
    public void Weeks_StartWeek_FirstWeekShownAndStreakStartsThere()
    {
        var weeks = new Season(asOf: "2024-02-07", rules: Rules.Default with { StartWeek = 4 }).Score().Weeks;

        Assert.That(weeks.Select(w => (w.Week, w.Amount)), Is.EqualTo(new[] { (4, 5m), (5, 10m), (6, 0m) }));
    }

    [Test]
    public void Amount_MultiplierOff_FlatPrice()
    {
        var weeks = new Season(asOf: "2024-01-22", rules: Rules.Default with { MultiplierOn = false }).Score().Weeks;

        Assert.That(weeks.Take(3).Select(w => w.Amount), Is.EqualTo(new[] { 5m, 5m, 5m }));
    }

    [Test]
    public void Amount_FractionalMultiplier_RoundedHalfAwayFromZeroToCents()
    {
        var rules = Rules.Default with { PricePerWeek = 2.5m, Multiplier = 1.5m };

        var standing = new Season(asOf: "2024-02-14", rules: rules).Score();

        Assert.That(standing.Weeks.Take(6).Select(w => w.Amount), Is.EqualTo(new[] { 2.5m, 3.75m, 5.63m, 8.44m, 12.66m, 18.98m }));
        Assert.That(standing.Total, Is.EqualTo(51.96m));
    }

    [Test]
    public void Amount_Cap_LimitsEachWeek()
    {
        var rules = Rules.Default with { MaxWeeklyAmount = 12.5m };

        var weeks = new Season(asOf: "2024-01-29", rules: rules).Score().Weeks;

        Assert.That(weeks.Take(4).Select(w => w.Amount), Is.EqualTo(new[] { 5m, 10m, 12.5m, 12.5m }));
    }

    [Test]
    public void Amount_TooLargeForDecimal_ErrorForThatMemberOnly()
    {
        var rules = Rules.Default with { PricePerWeek = 1000, Multiplier = 1_000_000 };
        var season = new Season(asOf: "2024-06-01", rules: rules);
        var input = season.Input();
        input = input with { Members = [input.Members[0], input.Members[0] with { Id = "2", JokerWeeks = Enumerable.Range(1, 53).ToArray() }] };

        var members = SeasonScorer.Score(input).Members;

        Assert.That((members[0].HasError, members[1].HasError, members[1].Total), Is.EqualTo((true, false, 0m)));
    }

    [Test]
    public void Amount_HugeButExact_WrittenWithoutRounding()
    {
        // 5 × 2^52 = 22517998136852480: exact in decimal, far beyond double's exact integers for sums.
        var weeks = new Season(2020, "2021-06-01").Score().Weeks;

        Assert.That(weeks[^1].Amount, Is.EqualTo(22517998136852480m));
    }

    [Test]
    public void Total_IsSumOfWeekAmounts()
    {
        var standing = new Season(asOf: "2024-03-01").Joker(3).Score();

        Assert.That(standing.Total, Is.EqualTo(standing.Weeks.Sum(w => w.Amount)));
    }
}
