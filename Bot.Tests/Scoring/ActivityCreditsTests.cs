using Bot.Scoring;
using CsCheck;

namespace Bot.Tests.Scoring;

/// <summary>Which activities earned a week's points (for /me), read off the same tally that scores the week.</summary>
[Category(TestCategories.Unit)]
public sealed class ActivityCreditsTests
{
    private static IReadOnlyDictionary<long, ActivityCredit> Credits(Season season) => ActivityCredits.For(season.Input(), 0);

    [Test]
    public void Credits_LongRunThenSecondRunSameDay_OnlyTheFirstEarns()
    {
        var credits = Credits(new Season()
            .Add("Run", "Run", "2024-01-01T07:00", 40, id: 1)
            .Add("Run", "Run", "2024-01-01T18:00", 40, id: 2)
            .Add("Run", "Run", "2024-01-02T07:00", 10, id: 3));

        Assert.Multiple(() =>
        {
            Assert.That(credits[1], Is.EqualTo(new ActivityCredit(1, false)));
            Assert.That(credits.ContainsKey(2), Is.False, "the day was already used");
            Assert.That(credits.ContainsKey(3), Is.False, "below the threshold");
        });
    }

    [Test]
    public void Credits_HitPair_BothPartnersMarkedAndNoDurationPoints()
    {
        var credits = Credits(new Season()
            .Add("Workout", "Workout", "2024-01-01T10:00", 20, id: 1)
            .Add("WeightTraining", "WeightTraining", "2024-01-03T10:00", 30, id: 2));

        Assert.That((credits[1], credits[2]), Is.EqualTo((new ActivityCredit(0, true), new ActivityCredit(0, true))));
    }

    [Test]
    public void Credits_HitLeftAloneAtWeekEnd_EarnsNothing()
    {
        var credits = Credits(new Season()
            .Add("Workout", "Workout", "2024-01-07T10:00", 20, id: 1)
            .Add("Workout", "Workout", "2024-01-08T10:00", 20, id: 2));

        Assert.That(credits, Is.Empty);
    }

    [Test]
    public void Credits_MultiDayHike_EarnsEveryDayItTouches()
    {
        var credits = Credits(new Season().Add("Hike", "Hike", "2024-01-01T10:00", 600, elapsedMinutes: 2 * 24 * 60, id: 7));

        Assert.That(credits[7].Points, Is.EqualTo(new Season().Add("Hike", "Hike", "2024-01-01T10:00", 600, elapsedMinutes: 2 * 24 * 60).Points(1)));
    }

    [Test]
    public void Credits_OverGeneratedSeasons_AddUpToTheWeeksPoints()
    {
        // Every point of a week is either an activity's duration points or one HIT pair of `hit_required` partners.
        var sports = new (string, string)[] { ("Run", "Run"), ("Walk", "Walk"), ("Workout", "Workout"), ("Hike", "Hike"), ("Ride", "Ride") };
        var activity = Gen.Select(Gen.Int[0, sports.Length - 1], Gen.Int[0, (28 * 24 * 60) - 1], Gen.OneOf(Gen.Int[10, 70], Gen.Int[14, 60]), Gen.OneOf(Gen.Int[0, 0], Gen.Int[0, 3 * 24 * 60]));
        activity.Array[0, 30].Sample(list =>
        {
            var season = new Season(asOf: "2024-01-28");
            long id = 1;
            foreach (var (sport, minute, moving, extra) in list)
            {
                var start = new DateTime(2024, 1, 1).AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
                season.Add(sports[sport].Item1, sports[sport].Item2, start, moving, moving + extra, id++);
            }

            var credits = Credits(season);
            var standing = season.Score();
            var fromCredits = credits.Values.Sum(c => c.Points) + (credits.Values.Count(c => c.HitPair) / (decimal)season.Rules.HitRequired);
            return fromCredits == standing.Weeks.Sum(w => w.Points);
        }, iter: 2000);
    }
}
