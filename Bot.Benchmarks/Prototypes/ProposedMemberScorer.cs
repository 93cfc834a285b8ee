using System.Runtime.InteropServices;
using Bot.Scoring;

namespace Bot.Benchmarks.Prototypes;

/// <summary>
/// <c>MemberScorer.Score</c> with the proposed changes: decimals and cents per streak looked up, never
/// recomputed through <see cref="System.Numerics.BigInteger"/> per failed week, and the order check fused
/// into the points loop. Same results (<see cref="ProposedScoringBenchmarks"/> checks every member).
/// </summary>
internal static class ProposedMemberScorer
{
    private const int MaxWeeks = 53;

    public static MemberStanding Score(
        MemberInput member, CompiledRules rules, ProposedAmounts amounts, SeasonCalendar calendar, int lastWeek, int inProgress)
    {
        var firstWeek = rules.Rules.StartWeek;
        if (lastWeek < firstWeek)
        {
            return new MemberStanding(member.Id, member.Name, [], 0, null);
        }

        Span<long> points = stackalloc long[MaxWeeks + 1];
        var activities = AsSpan(member.Activities);
        if (!ProposedWeekPoints.TryTally(activities, rules, calendar, firstWeek, lastWeek, points))
        {
            var sorted = activities.ToArray();
            Array.Sort(sorted, Compare);
            points.Clear();
            ProposedWeekPoints.TryTally(sorted, rules, calendar, firstWeek, lastWeek, points);
        }

        var jokers = JokerMask(member.JokerWeeks);
        var weeks = new WeekResult[lastWeek - firstWeek + 1];
        var decimals = amounts.Decimals;
        var cents = amounts.Cents;
        long totalCents = 0;
        var exact = false;
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
                if (decimals[streak] is not { } charge)
                {
                    return MemberStanding.Failed(member.Id, member.Name, $"the amount for week {week} does not fit a decimal");
                }

                amount = charge;
                var c = cents[streak];
                exact |= c < 0;
                totalCents += c;
                streak++;
            }

            weeks[week - firstWeek] = new WeekResult(week, weekPoints, status, before, amount);
        }

        return exact
            ? ExactTotal(member, weeks)
            : new MemberStanding(member.Id, member.Name, weeks, new decimal(totalCents) / 100m, null);
    }

    /// <summary>The rare member whose streak reached amounts too large for whole cents in a long.</summary>
    private static MemberStanding ExactTotal(MemberInput member, WeekResult[] weeks)
    {
        // As today: decimal addition would round silently once the digits run out.
        var total = new ExactDecimal(0, 0);
        foreach (var week in weeks)
        {
            total = total.Add(ExactDecimal.From(week.Amount));
        }

        return total.Fits
            ? new MemberStanding(member.Id, member.Name, weeks, total.ToDecimal(), null)
            : MemberStanding.Failed(member.Id, member.Name, "the season total does not fit a decimal");
    }

    private static ReadOnlySpan<ActivityInput> AsSpan(IReadOnlyList<ActivityInput> activities) => activities switch
    {
        ActivityInput[] array => array,
        List<ActivityInput> list => CollectionsMarshal.AsSpan(list),
        _ => activities.ToArray(),
    };

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

    private static int Compare(ActivityInput left, ActivityInput right)
    {
        var byStart = left.StartLocalTicks.CompareTo(right.StartLocalTicks);
        return byStart != 0 ? byStart : left.Id.CompareTo(right.Id);
    }
}
