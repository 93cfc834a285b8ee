using Bot.Data.Entities;
using Bot.Recaps;

namespace Bot.Tests.Recaps;

/// <summary>Which week a server's recap is due for at an instant, and when it is late or let go.</summary>
[Category(TestCategories.Unit)]
public sealed class RecapDueTests
{
    private static readonly TimeZoneInfo Vienna = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna");

    [Test]
    public void For_AtTheSlot_TheWeekThatClosedOnTime()
    {
        var due = RecapDue.For(Setting(8 * 60, setAt: new DateTime(2026, 12, 1, 0, 0, 0)), Vienna, At(2026, 12, 7, 7, 0, 0));

        Assert.That(due, Is.EqualTo(new RecapDue(At(2026, 12, 7, 7, 0, 0), new DateOnly(2026, 12, 7), 2026, 49, Late: false)));
    }

    [Test]
    public void For_BeforeTheSlot_LastWeeksRecapWhileItIsLessThanADayOld()
    {
        var setting = Setting(8 * 60, setAt: new DateTime(2026, 11, 1, 0, 0, 0));

        var sundayNight = RecapDue.For(setting, Vienna, At(2026, 12, 7, 6, 59, 0));

        Assert.That(sundayNight, Is.Null, "week 48's slot was a week ago");
    }

    [Test]
    public void For_TwoHoursAfterTheSlot_DueAndLate()
    {
        var due = RecapDue.For(Setting(8 * 60, setAt: new DateTime(2026, 12, 1, 0, 0, 0)), Vienna, At(2026, 12, 7, 9, 0, 0));

        Assert.That((due?.Week, due?.Late), Is.EqualTo(((int?)49, (bool?)true)));
    }

    [Test]
    public void For_ADayAfterTheSlot_LetGo()
    {
        var due = RecapDue.For(Setting(8 * 60, setAt: new DateTime(2026, 12, 1, 0, 0, 0)), Vienna, At(2026, 12, 8, 7, 0, 0));

        Assert.That(due, Is.Null);
    }

    [Test]
    public void For_ChannelSetAfterTheSlot_NotRecapped()
    {
        var due = RecapDue.For(Setting(8 * 60, setAt: new DateTime(2026, 12, 7, 7, 30, 0)), Vienna, At(2026, 12, 7, 7, 45, 0));

        Assert.That(due, Is.Null);
    }

    [Test]
    public void For_Week53ClosingInJanuary_BelongsToTheOldSeason()
    {
        // 2026 has 53 ISO weeks; its last ends on Sunday 2027-01-03.
        var due = RecapDue.For(Setting(8 * 60, setAt: new DateTime(2026, 12, 1, 0, 0, 0)), TimeZoneInfo.Utc, At(2027, 1, 4, 8, 0, 0));

        Assert.That((due?.Season, due?.Week), Is.EqualTo(((int?)2026, (int?)53)));
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    private static ChannelSetting Setting(int minuteOfDay, DateTime setAt) => new()
    {
        GuildId = 1,
        ChannelId = 50,
        RecapMinuteOfDay = minuteOfDay,
        MilestonesOn = false,
        SetAtUtc = DateTime.SpecifyKind(setAt, DateTimeKind.Utc),
        UpdatedAtUtc = DateTime.SpecifyKind(setAt, DateTimeKind.Utc),
    };
}
