using Bot.Data.Queries;
using Bot.Nudges;
using Bot.Scoring;

namespace Bot.Tests.Nudges;

[Category(TestCategories.Unit)]
public sealed class MilestoneTests
{
    private static readonly DateTime Since = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
    private static readonly MemberWeekStamp StoredAfter = new(3, Since.AddHours(1));

    [TestCase(3, WeekStatus.InProgress, true)]
    [TestCase(4, WeekStatus.InProgress, true)]
    [TestCase(2, WeekStatus.InProgress, false)]
    [TestCase(3, WeekStatus.Joker, false)]
    [TestCase(3, WeekStatus.NoData, false)]
    public void MadeIt_PointsAndStatus_OnlyAtTheTargetWithoutAJoker(long points, WeekStatus status, bool expected)
    {
        Assert.That(MilestoneJob.MadeIt(Standing(points, status), 48, 3, StoredAfter, Since), Is.EqualTo(expected));
    }

    [Test]
    public void MadeIt_LastActivityStoredBeforeMilestonesWereOn_IsNotAMilestone()
    {
        Assert.That(MilestoneJob.MadeIt(Standing(3, WeekStatus.InProgress), 48, 3, new MemberWeekStamp(3, Since.AddMinutes(-1)), Since), Is.False);
    }

    [Test]
    public void MadeIt_OtherWeek_IsNotAMilestone()
    {
        Assert.That(MilestoneJob.MadeIt(Standing(3, WeekStatus.InProgress), 49, 3, StoredAfter, Since), Is.False);
    }

    [Test]
    public void SameAs_EqualContentInOtherDictionaries_IsTrueAndAnyChangeIsFalse()
    {
        static WeekStamp Stamp(int activities, int jokers = 0) => new(new Dictionary<long, MemberWeekStamp> { [1] = new(activities, Since) }, jokers, 2);

        Assert.Multiple(() =>
        {
            Assert.That(Stamp(3).SameAs(Stamp(3)), Is.True);
            Assert.That(Stamp(3).SameAs(Stamp(4)), Is.False, "an activity more");
            Assert.That(Stamp(3).SameAs(Stamp(3, jokers: 1)), Is.False, "a joker");
            Assert.That(Stamp(3).SameAs(null), Is.False);
        });
    }

    private static MemberStanding Standing(long points, WeekStatus status) =>
        new("301", "Anna Tester", [new WeekResult(48, points, status, 0, 0)], 0, null);
}
