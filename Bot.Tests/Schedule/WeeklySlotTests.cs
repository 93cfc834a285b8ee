using Bot.Schedule;

namespace Bot.Tests.Schedule;

[Category(TestCategories.Unit)]
public sealed class WeeklySlotTests
{
    private static readonly TimeZoneInfo Vienna = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna");

    private static readonly WeeklySlot MondayEight = new(DayOfWeek.Monday, 8 * 60, Vienna);

    [Test]
    public void LatestAtOrBefore_WednesdayInWinter_IsThisWeeksMondayAtEightLocal()
    {
        var latest = MondayEight.LatestAtOrBefore(DateTimeOffset.Parse("2026-12-09T12:00:00Z"));

        Assert.That(latest, Is.EqualTo(DateTimeOffset.Parse("2026-12-07T07:00:00Z")));
    }

    [Test]
    public void LatestAtOrBefore_MondayJustBeforeTheSlot_IsLastWeeksSlot()
    {
        var latest = MondayEight.LatestAtOrBefore(DateTimeOffset.Parse("2026-12-07T06:59:59Z"));

        Assert.That(latest, Is.EqualTo(DateTimeOffset.Parse("2026-11-30T07:00:00Z")));
    }

    [Test]
    public void LatestAtOrBefore_ExactlyAtTheSlot_IsThatSlot()
    {
        var latest = MondayEight.LatestAtOrBefore(DateTimeOffset.Parse("2026-12-07T07:00:00Z"));

        Assert.That(latest, Is.EqualTo(DateTimeOffset.Parse("2026-12-07T07:00:00Z")));
    }

    [Test]
    public void NextAfter_AcrossTheSpringDaylightSavingChange_KeepsEightLocal()
    {
        // Vienna moves to summer time on Sunday 2027-03-28: Monday 08:00 is 07:00Z before and 06:00Z after.
        var next = MondayEight.NextAfter(DateTimeOffset.Parse("2027-03-22T07:00:00Z"));

        Assert.That(next, Is.EqualTo(DateTimeOffset.Parse("2027-03-29T06:00:00Z")));
    }

    [Test]
    public void LatestAtOrBefore_SlotInTheSkippedHour_FallsOnTheFirstValidMinute()
    {
        var sundayHalfPastTwo = new WeeklySlot(DayOfWeek.Sunday, (2 * 60) + 30, Vienna);

        var latest = sundayHalfPastTwo.LatestAtOrBefore(DateTimeOffset.Parse("2027-03-28T12:00:00Z"));

        Assert.That(latest, Is.EqualTo(DateTimeOffset.Parse("2027-03-28T01:00:00Z")));
    }
}
