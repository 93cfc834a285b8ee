using Bot.Scoring;

namespace Bot.Tests.Scoring;

/// <summary>SCORING.md "Points of one week": thresholds, categories, days, walks, HIT, multi-day.</summary>
[Category(TestCategories.Unit)]
public sealed class PointsTests
{
    // 2024-01-01 is the Monday of ISO week 1 of 2024.
    [TestCase(27, 1)]
    [TestCase(26.99, 0)]
    [TestCase(30, 1)]
    public void Threshold_RunAroundToleranceBoundary_PointOnlyFromThresholdMinusTolerance(decimal minutes, long expected)
    {
        var points = new Season().Run("2024-01-01T10:00:00", minutes).Points(1);

        Assert.That(points, Is.EqualTo(expected));
    }

    [Test]
    public void Threshold_DecimalTolerance_ComparedExactly()
    {
        // 30 − 0.3 = 29.7 minutes = 1782 s: binary floating point would get 0.3 wrong.
        var rules = Rules.Default with { ToleranceMinutes = 0.3m };
        var exactly = new Season(rules: rules).Add("Run", "Run", "2024-01-01T10:00", 29.7m).Points(1);
        var below = new Season(rules: rules).Add("Run", "Run", "2024-01-01T10:00", 29.7m - (1m / 60)).Points(1);

        Assert.That((exactly, below), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void Threshold_SportTypeNamedInRules_TakesPrecedenceOverCategory()
    {
        var rules = Rules.Default with { SportMinutes = new Dictionary<string, decimal> { ["TrailRun"] = 90, ["Run"] = 30 } };

        var points = new Season(rules: rules).Add("Run", "TrailRun", "2024-01-01T10:00", 60).Points(1);

        Assert.That(points, Is.Zero);
    }

    [Test]
    public void Category_TypeMissing_DerivedFromSportType()
    {
        var season = new Season()
            .Add(null, "MountainBikeRide", "2024-01-01T10:00", 58)
            .Add("", "TrailRun", "2024-01-02T10:00", 28)
            .Add(null, "HighIntensityIntervalTraining", "2024-01-03T10:00", 58);

        Assert.That(season.Points(1), Is.EqualTo(3));
    }

    [Test]
    public void Category_NeitherTypeNorSportType_NeverScores()
    {
        var points = new Season().Add(null, null, "2024-01-01T10:00", 600).Points(1);

        Assert.That(points, Is.Zero);
    }

    [Test]
    public void Threshold_UnknownSportType_NoPointAndNoError()
    {
        var standing = new Season().Add(null, "Quidditch", "2024-01-01T10:00", 600).Score();

        Assert.That((standing.Error, standing.Weeks.Single(w => w.Week == 1).Points), Is.EqualTo(((string?)null, 0L)));
    }

    [Test]
    public void Threshold_NamesMatchCaseSensitively()
    {
        var points = new Season().Add("run", "run", "2024-01-01T10:00", 60).Points(1);

        Assert.That(points, Is.Zero);
    }

    [Test]
    public void Day_SeveralQualifyingActivities_OnePoint()
    {
        var points = new Season()
            .Run("2024-01-01T07:00", 40)
            .Run("2024-01-01T12:00", 40)
            .Add("Ride", "Ride", "2024-01-01T18:00", 90)
            .Points(1);

        Assert.That(points, Is.EqualTo(1));
    }

    [Test]
    public void Order_SameStart_LowerIdProcessedFirst()
    {
        // The hike (id 3) takes Monday, so Tuesday's walk is still within the walk limit.
        var points = new Season()
            .Add("Walk", "Walk", "2024-01-01T10:00", 70, id: 5)
            .Add("Hike", "Hike", "2024-01-01T10:00", 70, id: 3)
            .Add("Walk", "Walk", "2024-01-02T10:00", 70, id: 9)
            .Points(1);

        Assert.That(points, Is.EqualTo(2));
    }

    [Test]
    public void Order_InputOrderReversed_SameResult()
    {
        var season = new Season()
            .Add("Walk", "Walk", "2024-01-02T10:00", 70)
            .Add("Hike", "Hike", "2024-01-01T10:00", 70)
            .Add("Walk", "Walk", "2024-01-01T09:00", 70);

        // Chronological: Monday's walk scores first, so Tuesday's walk exceeds the limit: 1 point.
        Assert.That(season.Points(1), Is.EqualTo(1));
    }

    [Test]
    public void WalkLimit_SecondScoringWalk_Ignored()
    {
        var points = new Season()
            .Add("Walk", "Walk", "2024-01-01T10:00", 70)
            .Add("Walk", "Walk", "2024-01-02T10:00", 70)
            .Points(1);

        Assert.That(points, Is.EqualTo(1));
    }

    [Test]
    public void WalkLimit_WalkThatDidNotScore_DoesNotCount()
    {
        var points = new Season()
            .Add("Walk", "Walk", "2024-01-01T10:00", 20)
            .Add("Walk", "Walk", "2024-01-02T10:00", 70)
            .Points(1);

        Assert.That(points, Is.EqualTo(1));
    }

    [Test]
    public void WalkLimit_Zero_WalksNeverScore()
    {
        var points = new Season(rules: Rules.Default with { WalkLimit = 0 }).Add("Walk", "Walk", "2024-01-01T10:00", 70).Points(1);

        Assert.That(points, Is.Zero);
    }

    [Test]
    public void WalkLimit_Hikes_NotLimited()
    {
        var points = new Season()
            .Add("Hike", "Hike", "2024-01-01T10:00", 70)
            .Add("Hike", "Hike", "2024-01-02T10:00", 70)
            .Add("Hike", "Hike", "2024-01-03T10:00", 70)
            .Points(1);

        Assert.That(points, Is.EqualTo(3));
    }

    [Test]
    public void Hit_TwoShortSessionsOnDifferentDays_OnePoint()
    {
        var points = new Season()
            .Add("Workout", "Workout", "2024-01-01T10:00", 20)
            .Add("WeightTraining", "WeightTraining", "2024-01-03T10:00", 30)
            .Points(1);

        Assert.That(points, Is.EqualTo(1));
    }

    [Test]
    public void Hit_SessionsOnOneDay_PairOnceThenDateUsed()
    {
        // The second session's date is not used yet (no pair), so both count: they pair.
        // A third on a later day would start a new pair; here the pair's date becomes used.
        var points = new Season()
            .Add("Workout", "Workout", "2024-01-01T10:00", 20)
            .Add("Workout", "Workout", "2024-01-01T18:00", 20)
            .Add("Workout", "Workout", "2024-01-01T20:00", 20)
            .Points(1);

        Assert.That(points, Is.EqualTo(1));
    }

    [Test]
    public void Hit_LeftoverSession_LapsesAtEndOfWeek()
    {
        var season = new Season()
            .Add("Workout", "Workout", "2024-01-07T10:00", 20)
            .Add("Workout", "Workout", "2024-01-08T10:00", 20);

        Assert.That((season.Points(1), season.Points(2)), Is.EqualTo((0L, 0L)));
    }

    [TestCase(15, 0)]
    [TestCase(15.01, 1)]
    [TestCase(56.99, 1)]
    [TestCase(57, 0)]
    public void Hit_SessionLength_StrictlyBetweenMinimumAndSixtyLessTolerance(decimal minutes, long expected)
    {
        var rules = Rules.Default with { SportMinutes = new Dictionary<string, decimal>() };
        var points = new Season(rules: rules)
            .Add("Workout", "Workout", "2024-01-01T10:00", 20)
            .Add("Workout", "Workout", "2024-01-02T10:00", minutes)
            .Points(1);

        Assert.That(points, Is.EqualTo(expected));
    }

    [Test]
    public void Hit_OnlyPairingSessionsDate_BecomesUsed()
    {
        var points = new Season()
            .Add("Workout", "Workout", "2024-01-01T08:00", 20)
            .Add("Workout", "Workout", "2024-01-02T08:00", 20)
            .Run("2024-01-01T18:00", 40)
            .Run("2024-01-02T18:00", 40)
            .Points(1);

        // HIT pair on Tuesday (1) + Monday's run (1); Tuesday's run finds its date used.
        Assert.That(points, Is.EqualTo(2));
    }

    [Test]
    public void Hit_SessionWithLowThresholdNotCompletingPair_AlsoEarnsRegularPoint()
    {
        var rules = Rules.Default with { SportMinutes = new Dictionary<string, decimal> { ["Workout"] = 20 } };

        var points = new Season(rules: rules).Add("Workout", "Workout", "2024-01-01T10:00", 25).Points(1);

        Assert.That(points, Is.EqualTo(1));
    }

    [Test]
    public void Hit_Disabled_SessionsNeverPair()
    {
        var points = new Season(rules: Rules.Default with { HitRequired = 0 })
            .Add("Workout", "Workout", "2024-01-01T10:00", 20)
            .Add("Workout", "Workout", "2024-01-02T10:00", 20)
            .Points(1);

        Assert.That(points, Is.Zero);
    }

    [TestCase("2024-01-06T20:00", 10 * 60, 2)] // ends Sunday 06:00: not before 06:00
    [TestCase("2024-01-06T20:00", (10 * 60) - 1, 1)] // ends Sunday 05:59
    [TestCase("2024-01-01T08:00", 5 * 24 * 60, 6)] // ends Saturday 08:00
    [TestCase("2024-01-01T08:00", 120, 1)] // same day
    public void MultiDay_DaysTouched_LessOneWhenEndingBeforeThreshold(string start, int elapsedMinutes, long expected)
    {
        var points = new Season().Add("Hike", "Hike", start, 90, elapsedMinutes).Points(1);

        Assert.That(points, Is.EqualTo(expected));
    }

    [Test]
    public void MultiDay_CrossingIntoNextWeek_AllPointsToStartWeek()
    {
        var season = new Season().Add("Hike", "Hike", "2024-01-07T08:00", 90, 30 * 60);

        Assert.That((season.Points(1), season.Points(2)), Is.EqualTo((2L, 0L)));
    }

    [Test]
    public void MultiDay_OnlyStartDateUsed_NextDayCanStillScore()
    {
        var points = new Season()
            .Add("Hike", "Hike", "2024-01-01T08:00", 90, 30 * 60)
            .Run("2024-01-02T18:00", 40)
            .Points(1);

        Assert.That(points, Is.EqualTo(3));
    }

    [Test]
    public void LocalStart_OffsetSuffix_IgnoredNotConverted()
    {
        // Sunday 23:30 wall clock stays in week 1 even though UTC would be Sunday 18:30 or Monday.
        var season = new Season().Run("2024-01-07T23:30:00+05:00", 40).Run("2024-01-07T23:45:00Z", 40);

        Assert.That((season.Points(1), season.Points(2)), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void IsoYear_ActivityInFirstDaysOfNextIsoYear_NotInSeason()
    {
        // 2024-12-30 is Monday of ISO week 1 of 2025, and 2024-12-29 is Sunday of week 52 of 2024.
        var standing = new Season(asOf: "2025-02-01").Run("2024-12-30T10:00", 40).Run("2024-12-29T10:00", 40).Score();

        Assert.That(standing.Weeks.Select(w => w.Points).Sum(), Is.EqualTo(1));
    }

    [Test]
    public void IsoYear_EarlyJanuaryOfNextCalendarYear_CountsInWeek53()
    {
        // 2021-01-02 is Saturday of ISO week 53 of 2020.
        var points = new Season(2020, "2021-02-01").Run("2021-01-02T10:00", 40).Points(53);

        Assert.That(points, Is.EqualTo(1));
    }

    // Adding an activity can lower a week's points under SCORING.md; these pin the three ways.
    [Test]
    public void AddedActivity_EarlierHitPartner_CanLowerPoints()
    {
        static Season Base() => new Season()
            .Add("Workout", "Workout", "2024-01-01T09:00", 20)
            .Run("2024-01-01T18:00", 40)
            .Add("Workout", "Workout", "2024-01-02T09:00", 20);

        // Before: Monday's run and the Monday–Tuesday HIT pair (2). After: the new session pairs on Monday,
        // which blocks the run, and Tuesday's session is left without a partner (1).
        var before = Base().Points(1);
        var after = Base().Add("Workout", "Workout", "2024-01-01T07:00", 20).Points(1);

        Assert.That((before, after), Is.EqualTo((2L, 1L)));
    }

    [Test]
    public void AddedActivity_EarlierWalk_CanTakeTheWalkSlot()
    {
        static Season Base() => new Season().Add("Hike", "Hike", "2024-01-01T10:00", 70).Add("Walk", "Walk", "2024-01-02T10:00", 70);

        var before = Base().Points(1);
        var after = Base().Add("Walk", "Walk", "2024-01-01T08:00", 70).Points(1);

        Assert.That((before, after), Is.EqualTo((2L, 1L)));
    }

    [Test]
    public void AddedActivity_EarlierOnStartDayOfMultiDay_FirstProcessedWins()
    {
        static Season Base() => new Season().Add("Hike", "Hike", "2024-01-01T10:00", 90, 3 * 24 * 60);

        var before = Base().Points(1);
        var after = Base().Run("2024-01-01T07:00", 40).Points(1);

        Assert.That((before, after), Is.EqualTo((4L, 1L)));
    }
}
