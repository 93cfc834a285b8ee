using Bot.Data.Entities;
using Bot.Nudges;

namespace Bot.Tests.Nudges;

[Category(TestCategories.Unit)]
public sealed class ReminderDueTests
{
    // Sunday 18:00 UTC of 2026-W48.
    private static readonly DateTimeOffset Slot = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    [TestCase(0, true)]
    [TestCase(-1, false)]
    [TestCase(12 * 60, true)]
    [TestCase((12 * 60) + 1, false)]
    public void IsDue_MinutesAfterTheSlot_DueUntilTwelveHoursLate(int minutes, bool expected)
    {
        var wednesday = Slot.AddDays(-4);

        Assert.That(ReminderJob.IsDue(Reminder(DayOfWeek.Wednesday, setAt: wednesday.AddDays(-3)), wednesday.AddMinutes(minutes), TimeZoneInfo.Utc), Is.EqualTo(expected));
    }

    [Test]
    public void IsDue_SetAfterThisWeeksSlot_WaitsForNextWeek()
    {
        // Set on Wednesday for Monday: this week's Monday slot has passed before it was set.
        var wednesday = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        Assert.That(ReminderJob.IsDue(Reminder(DayOfWeek.Monday, setAt: wednesday), wednesday.AddMinutes(1), TimeZoneInfo.Utc), Is.False);
    }

    [Test]
    public void IsDue_LateSlotOfLastWeek_NotCarriedIntoTheNewWeek()
    {
        // Sunday 23:00 slot, asked Monday 01:00: two hours late, but the week it was for has closed.
        var monday = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

        Assert.That(ReminderJob.IsDue(Reminder(DayOfWeek.Sunday, setAt: Slot.AddDays(-3), minute: 23 * 60), monday, TimeZoneInfo.Utc), Is.False);
    }

    [Test]
    public void IsDue_ChallengeZone_SlotIsLocalTime()
    {
        var vienna = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna");

        // 18:00 in Vienna in November is 17:00 UTC.
        Assert.That(ReminderJob.IsDue(Reminder(DayOfWeek.Sunday, setAt: Slot.AddDays(-3)), Slot.AddHours(-1), vienna), Is.True);
    }

    private static ReminderSetting Reminder(DayOfWeek day, DateTimeOffset setAt, int minute = 18 * 60) => new()
    {
        GuildId = 1,
        DiscordUserId = 2,
        Day = day,
        MinuteOfDay = minute,
        Enabled = true,
        UpdatedAtUtc = setAt.UtcDateTime,
    };
}
