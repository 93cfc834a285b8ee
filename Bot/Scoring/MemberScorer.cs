using System.Runtime.InteropServices;

namespace Bot.Scoring;

/// <summary>One member's weeks: points, then status, streak and amount in week order.</summary>
internal static class MemberScorer
{
    private const int MaxWeeks = 53;

    public static MemberStanding Score(MemberInput member, CompiledRules rules, SeasonCalendar calendar, int lastWeek, int inProgress)
    {
        if (member.FrozenWeeks is { } frozen)
        {
            return Frozen(member, frozen, lastWeek);
        }

        var firstWeek = rules.Rules.StartWeek;
        if (lastWeek < firstWeek)
        {
            return new MemberStanding(member.Id, member.Name, [], 0, null, member.State);
        }

        Span<long> points = stackalloc long[MaxWeeks + 1];
        var activities = AsSpan(member.Activities);
        if (!WeekPoints.TryTally(activities, rules, calendar, firstWeek, lastWeek, points))
        {
            var sorted = activities.ToArray();
            Array.Sort(sorted, WeekPoints.Compare);
            points.Clear();
            WeekPoints.TryTally(sorted, rules, calendar, firstWeek, lastWeek, points);
        }

        var jokers = JokerMask(member.JokerWeeks);
        var noDataFrom = member.State == MemberState.Syncing ? 0 : member.NoDataFromWeek ?? int.MaxValue;
        var weeks = new WeekResult[lastWeek - firstWeek + 1];
        var decimals = rules.Amounts.Decimals;
        var cents = rules.Amounts.Cents;
        long totalCents = 0;
        var centsExact = true;
        var streak = 0;
        for (var week = firstWeek; week <= lastWeek; week++)
        {
            var weekPoints = points[week];
            WeekStatus status;
            decimal amount = 0;
            var before = streak;
            if ((jokers & (1UL << week)) != 0)
            {
                status = WeekStatus.Joker;
            }
            else if (week >= noDataFrom)
            {
                status = WeekStatus.NoData;
            }
            else if (week == inProgress)
            {
                status = WeekStatus.InProgress;
            }
            else if (weekPoints >= rules.RequiredPoints)
            {
                status = WeekStatus.Passed;
                streak = 0;
            }
            else
            {
                status = WeekStatus.Failed;
                if (decimals[streak] is not { } charge)
                {
                    return MemberStanding.Failed(member.Id, member.Name, $"the amount for week {week} does not fit a decimal", member.State);
                }

                amount = charge;
                var weekCents = cents[streak];
                centsExact &= weekCents >= 0;
                totalCents += centsExact ? weekCents : 0;

                streak++;
            }

            weeks[week - firstWeek] = new WeekResult(week, weekPoints, status, before, amount);
        }

        return centsExact
            ? new MemberStanding(member.Id, member.Name, weeks, new decimal(totalCents) / 100m, null, member.State)
            : Summed(member, weeks);
    }

    // A member who left: the frozen weeks as they are, only those reported as of the date asked about.
    private static MemberStanding Frozen(MemberInput member, IReadOnlyList<WeekResult> frozen, int lastWeek)
    {
        var weeks = frozen.Where(w => w.Week <= lastWeek).OrderBy(w => w.Week).ToArray();
        return Summed(member, weeks);
    }

    private static MemberStanding Summed(MemberInput member, WeekResult[] weeks)
    {
        var total = new ExactDecimal(0, 0);
        foreach (var week in weeks)
        {
            total = total.Add(ExactDecimal.From(week.Amount));
        }

        return total.Fits
            ? new MemberStanding(member.Id, member.Name, weeks, total.ToDecimal(), null, member.State)
            : MemberStanding.Failed(member.Id, member.Name, "the season total does not fit a decimal", member.State);
    }

    private static ulong JokerMask(IReadOnlyCollection<int> weeks)
    {
        ulong mask = 0;
        foreach (var week in weeks)
        {
            if (week is >= 1 and <= MaxWeeks)
            {
                mask |= 1UL << week;
            }
        }

        return mask;
    }

    private static ReadOnlySpan<ActivityInput> AsSpan(IReadOnlyList<ActivityInput> activities) => activities switch
    {
        ActivityInput[] array => array,
        List<ActivityInput> list => CollectionsMarshal.AsSpan(list),
        _ => activities.ToArray(),
    };
}
