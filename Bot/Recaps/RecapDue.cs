using System.Globalization;
using Bot.Data.Entities;
using Bot.Schedule;

namespace Bot.Recaps;

/// <summary>
/// The recap a server is due at an instant: the week that closed before the latest Monday slot. None when that slot came
/// before the channel was set, or lies a day or more back (a bot that was down longer lets that week go).
/// </summary>
/// <param name="Season">The ISO week-year of the closed week: week 52 or 53 closing in January is the old season's.</param>
/// <param name="Late">The slot passed more than <see cref="LateAfter"/> ago: the bot was down (or busy) at the time.</param>
public readonly record struct RecapDue(DateTimeOffset Slot, DateOnly Monday, int Season, int Week, bool Late)
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    public static RecapDue? For(ChannelSetting setting, TimeZoneInfo zone, DateTimeOffset now)
    {
        var slot = new WeeklySlot(DayOfWeek.Monday, setting.RecapMinuteOfDay, zone).LatestAtOrBefore(now);
        var setAt = new DateTimeOffset(DateTime.SpecifyKind(setting.SetAtUtc, DateTimeKind.Utc));
        if (slot <= setAt || now - slot >= GiveUpAfter)
        {
            return null;
        }

        var monday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot, zone).DateTime);
        var sunday = monday.AddDays(-1).ToDateTime(TimeOnly.MinValue);
        return new RecapDue(slot, monday, ISOWeek.GetYear(sunday), ISOWeek.GetWeekOfYear(sunday), now - slot > LateAfter);
    }
}
