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

    /// <summary>
    /// Adds each week's points into <paramref name="points"/> (index = week). Returns false, part way,
    /// when the activities are not in (local start, id) order: the caller then sorts and starts over.
    /// Checking here costs nothing next to a separate pass over sorted input (the database's).
    /// </summary>
    public static bool TryTally(
        ReadOnlySpan<ActivityInput> activities, CompiledRules rules, SeasonCalendar calendar, int firstWeek, int lastWeek, Span<long> points)
    {
        var none = default(NoSink);
        return TryTally(activities, rules, calendar, firstWeek, lastWeek, points, ref none);
    }

    /// <summary>
    /// The same tally, telling <paramref name="sink"/> what each activity (by index) earned. A struct
    /// sink is specialised by the JIT, so <see cref="NoSink"/> costs the hot path nothing.
    /// </summary>
    public static bool TryTally<TSink>(
        ReadOnlySpan<ActivityInput> activities, CompiledRules rules, SeasonCalendar calendar, int firstWeek, int lastWeek, Span<long> points, ref TSink sink)
        where TSink : struct, ITallySink
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
                // Nothing later counts, provided the rest is in order too.
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
                sink.WeekStarted();
            }

            var dateBit = 1 << (offset % 7);
            var kind = kinds[activity.Kind];
            var moving = activity.MovingSeconds;

            if (kind.HitEligible && (used & dateBit) == 0 && moving > hitLow && moving < hitHigh)
            {
                hit++;
                sink.HitCounted(i);
                if (hit == hitRequired)
                {
                    sink.HitPairCompleted(i);
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

            var days = Days(activity, rules.MultiDayMinEndMinute);
            sink.Earned(i, days);
            points[week] += days;
            used |= dateBit;
            walks += kind.IsWalk ? 1 : 0;
        }

        return true;
    }

    /// <summary>Hears what each activity earned during a tally.</summary>
    internal interface ITallySink
    {
        /// <summary>A new week begins: HIT activities still waiting for a partner earned nothing.</summary>
        void WeekStarted();

        /// <summary>Activity <paramref name="index"/> counts towards a HIT pair.</summary>
        void HitCounted(int index);

        /// <summary>Activity <paramref name="index"/> completed a HIT pair: one point for the pair.</summary>
        void HitPairCompleted(int index);

        /// <summary>Activity <paramref name="index"/> earned <paramref name="points"/> by its duration.</summary>
        void Earned(int index, long points);
    }

    internal struct NoSink : ITallySink
    {
        public readonly void WeekStarted()
        {
        }

        public readonly void HitCounted(int index)
        {
        }

        public readonly void HitPairCompleted(int index)
        {
        }

        public readonly void Earned(int index, long points)
        {
        }
    }

    internal static int Compare(ActivityInput left, ActivityInput right)
    {
        var byStart = left.StartLocalTicks.CompareTo(right.StartLocalTicks);
        return byStart != 0 ? byStart : left.Id.CompareTo(right.Id);
    }

    private static bool IsSorted(ReadOnlySpan<ActivityInput> activities)
    {
        for (var i = 1; i < activities.Length; i++)
        {
            if (Compare(activities[i - 1], activities[i]) > 0)
            {
                return false;
            }
        }

        return true;
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
