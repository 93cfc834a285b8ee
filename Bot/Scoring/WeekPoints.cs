namespace Bot.Scoring;

/// <summary>
/// The points of each season week for one member: SCORING.md's three steps per activity, in
/// chronological order. A week's used dates are a 7-bit mask (Monday = bit 0).
/// </summary>
internal static class WeekPoints
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private const long SecondsPerDay = 86_400;

    /// <summary>Adds each week's points into <paramref name="points"/> (index = week).</summary>
    /// <param name="activities">Sorted by local start, then id.</param>
    public static void Tally(
        ReadOnlySpan<ActivityInput> activities, CompiledRules rules, SeasonCalendar calendar, int firstWeek, int lastWeek, Span<long> points)
    {
        var kinds = rules.Kinds;
        var hitRequired = rules.HitRequired;
        var walkLimit = rules.WalkLimit;
        var hitLow = rules.HitLowSeconds;
        var hitHigh = rules.HitHighSeconds;
        var firstDay = calendar.FirstMonday + (7 * (firstWeek - 1));
        var endDay = calendar.FirstMonday + (7 * lastWeek);

        var currentWeek = -1;
        var used = 0;
        var hit = 0;
        var walks = 0;
        foreach (ref readonly var activity in activities)
        {
            var day = activity.StartLocalTicks / TicksPerDay;
            if (day < firstDay)
            {
                continue;
            }

            if (day >= endDay)
            {
                break;
            }

            var offset = (int)(day - calendar.FirstMonday);
            var week = (offset / 7) + 1;
            if (week != currentWeek)
            {
                currentWeek = week;
                used = 0;
                hit = 0;
                walks = 0;
            }

            var dateBit = 1 << (offset % 7);
            var kind = kinds[activity.Kind];
            var moving = activity.MovingSeconds;

            if (kind.HitEligible && (used & dateBit) == 0 && moving > hitLow && moving < hitHigh)
            {
                hit++;
                if (hit == hitRequired)
                {
                    points[week]++;
                    used |= dateBit;
                    walks += kind.IsWalk ? 1 : 0;
                    hit = 0;
                    continue;
                }
            }

            if (!kind.HasThreshold || moving < kind.MinMovingSeconds)
            {
                continue;
            }

            if ((kind.IsWalk && walks >= walkLimit) || (used & dateBit) != 0)
            {
                continue;
            }

            points[week] += Days(activity, rules.MultiDayMinEndMinute);
            used |= dateBit;
            walks += kind.IsWalk ? 1 : 0;
        }
    }

    /// <summary>The multi-day count d: calendar days touched, less one when it ends early in the day.</summary>
    internal static long Days(in ActivityInput activity, long minEndMinute)
    {
        var startSecond = activity.StartLocalTicks % TicksPerDay / TicksPerSecond;
        var elapsed = Math.Min(activity.ElapsedSeconds, long.MaxValue - SecondsPerDay);
        var endSecond = startSecond + elapsed;
        var days = (endSecond / SecondsPerDay) + 1;
        if (days > 1 && endSecond % SecondsPerDay / 60 < minEndMinute)
        {
            days--;
        }

        return days;
    }
}
