using System.Runtime.InteropServices;

namespace Bot.Scoring;

/// <summary>One member's weeks: points, then status, streak and amount in week order.</summary>
internal static class MemberScorer
{
    private const int MaxWeeks = 53;

    public static MemberStanding Score(MemberInput member, CompiledRules rules, SeasonCalendar calendar, int lastWeek, int inProgress)
    {
        var firstWeek = rules.Rules.StartWeek;
        if (lastWeek < firstWeek)
        {
            return new MemberStanding(member.Id, member.Name, [], 0, null);
        }

        Span<long> points = stackalloc long[MaxWeeks + 1];
        WeekPoints.Tally(Chronological(member.Activities), rules, calendar, firstWeek, lastWeek, points);

        var jokers = JokerMask(member.JokerWeeks);
        var weeks = new WeekResult[lastWeek - firstWeek + 1];
        var amounts = rules.Amounts;
        var cents = amounts.Cents;
        long totalCents = 0;
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
                if (amounts[streak] is not { } charge)
                {
                    return MemberStanding.Failed(member.Id, member.Name, $"the amount for week {week} does not fit a decimal");
                }

                amount = charge.ToDecimal();
                if (cents is not null)
                {
                    totalCents += cents[streak];
                }

                streak++;
            }

            weeks[week - firstWeek] = new WeekResult(week, weekPoints, status, before, amount);
        }

        if (cents is not null)
        {
            return new MemberStanding(member.Id, member.Name, weeks, new decimal(totalCents) / 100m, null);
        }

        var total = new ExactDecimal(0, 0);
        foreach (var week in weeks)
        {
            total = total.Add(ExactDecimal.From(week.Amount));
        }

        return total.Fits
            ? new MemberStanding(member.Id, member.Name, weeks, total.ToDecimal(), null)
            : MemberStanding.Failed(member.Id, member.Name, "the season total does not fit a decimal");
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

    /// <summary>The activities in (local start, id) order; sorted input (the database's) is used as is.</summary>
    private static ReadOnlySpan<ActivityInput> Chronological(IReadOnlyList<ActivityInput> activities)
    {
        ReadOnlySpan<ActivityInput> span = activities switch
        {
            ActivityInput[] array => array,
            List<ActivityInput> list => CollectionsMarshal.AsSpan(list),
            _ => activities.ToArray(),
        };

        for (var i = 1; i < span.Length; i++)
        {
            if (Compare(span[i - 1], span[i]) > 0)
            {
                var sorted = span.ToArray();
                Array.Sort(sorted, Compare);
                return sorted;
            }
        }

        return span;
    }

    private static int Compare(ActivityInput left, ActivityInput right)
    {
        var byStart = left.StartLocalTicks.CompareTo(right.StartLocalTicks);
        return byStart != 0 ? byStart : left.Id.CompareTo(right.Id);
    }
}
