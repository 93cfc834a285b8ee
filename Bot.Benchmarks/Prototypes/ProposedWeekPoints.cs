using Bot.Scoring;

namespace Bot.Benchmarks.Prototypes;

/// <summary>
/// Proposed for <see cref="WeekPoints.Tally"/>: check the (start, id) order inside the loop that
/// already reads every activity, instead of in a separate pass over the member's array first
/// (<c>MemberScorer.Chronological</c>). Otherwise the same rules, line for line.
/// </summary>
internal static class ProposedWeekPoints
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>
    /// Adds each week's points into <paramref name="points"/>, or returns false on the first activity
    /// out of order; the caller then clears <paramref name="points"/> and tallies a sorted copy.
    /// </summary>
    public static bool TryTally(
        ReadOnlySpan<ActivityInput> activities, CompiledRules rules, SeasonCalendar calendar, int firstWeek, int lastWeek, Span<long> points)
    {
        var kinds = rules.Kinds;
        var hitRequired = rules.HitRequired;
        var walkLimit = rules.WalkLimit;
        var hitLow = rules.HitLowSeconds;
        var hitHigh = rules.HitHighSeconds;
        var firstDay = calendar.FirstMonday + (7 * (firstWeek - 1));
        var endDay = calendar.FirstMonday + (7 * lastWeek);

        var previousTicks = long.MinValue;
        var previousId = long.MinValue;
        var currentWeek = -1;
        var used = 0;
        var hit = 0;
        var walks = 0;
        for (var i = 0; i < activities.Length; i++)
        {
            ref readonly var activity = ref activities[i];
            var ticks = activity.StartLocalTicks;
            if (ticks < previousTicks || (ticks == previousTicks && activity.Id < previousId))
            {
                return false;
            }

            previousTicks = ticks;
            previousId = activity.Id;
            var day = ticks / TicksPerDay;
            if (day < firstDay)
            {
                continue;
            }

            if (day >= endDay)
            {
                // Nothing later counts, but only if the rest is in order too.
                return IsSorted(activities[i..]);
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

            points[week] += WeekPoints.Days(activity, rules.MultiDayMinEndMinute);
            used |= dateBit;
            walks += kind.IsWalk ? 1 : 0;
        }

        return true;
    }

    private static bool IsSorted(ReadOnlySpan<ActivityInput> activities)
    {
        for (var i = 1; i < activities.Length; i++)
        {
            var left = activities[i - 1];
            var right = activities[i];
            if (left.StartLocalTicks > right.StartLocalTicks || (left.StartLocalTicks == right.StartLocalTicks && left.Id > right.Id))
            {
                return false;
            }
        }

        return true;
    }
}
