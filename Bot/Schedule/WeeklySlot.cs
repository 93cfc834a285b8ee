namespace Bot.Schedule;

/// <summary>
/// A weekly wall-clock time in a time zone ("Monday 08:00 in Europe/Vienna"), and the instants it falls on. A slot
/// that a daylight-saving jump skips falls on the first valid instant after it.
/// </summary>
public readonly record struct WeeklySlot(DayOfWeek Day, int MinuteOfDay, TimeZoneInfo Zone)
{
    /// <summary>The latest instant of this slot at or before <paramref name="now"/>.</summary>
    public DateTimeOffset LatestAtOrBefore(DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, Zone).DateTime;
        var daysBack = ((int)localNow.DayOfWeek - (int)Day + 7) % 7;
        var candidate = localNow.Date.AddDays(-daysBack).AddMinutes(MinuteOfDay);
        var instant = ToInstant(candidate);
        return instant <= now ? instant : ToInstant(candidate.AddDays(-7));
    }

    /// <summary>The first instant of this slot after <paramref name="now"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now)
    {
        var latest = LatestAtOrBefore(now);
        var localLatest = TimeZoneInfo.ConvertTime(latest, Zone).DateTime;
        return ToInstant(localLatest.Date.AddDays(7).AddMinutes(MinuteOfDay));
    }

    private DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
