namespace Bot.Scoring;

/// <summary>What one activity earned in its week: points by its duration, and whether it made up a HIT pair's point.</summary>
public readonly record struct ActivityCredit(long Points, bool HitPair)
{
    public bool Earned => Points > 0 || HitPair;
}

/// <summary>
/// Which of a member's activities earned the week's points, from the very tally that scores them
/// (so /me can mark them); activities not listed earned nothing.
/// </summary>
public static class ActivityCredits
{
    public static IReadOnlyDictionary<long, ActivityCredit> For(SeasonInput input, int memberIndex)
    {
        var calendar = SeasonCalendar.For(input.Season);
        var rules = new CompiledRules(input.Rules, input.Kinds, calendar.WeekCount);
        var lastWeek = calendar.LastReportedWeek(input.AsOf);
        var firstWeek = input.Rules.StartWeek;
        var credits = new Dictionary<long, ActivityCredit>();
        if (lastWeek < firstWeek)
        {
            return credits;
        }

        var activities = input.Members[memberIndex].Activities.ToArray();
        Array.Sort(activities, WeekPoints.Compare);
        var sink = new CreditSink(activities, credits);
        Span<long> points = stackalloc long[calendar.WeekCount + 1];
        WeekPoints.TryTally(activities, rules, calendar, firstWeek, lastWeek, points, ref sink);
        return credits;
    }

    private readonly struct CreditSink(ActivityInput[] activities, Dictionary<long, ActivityCredit> credits) : WeekPoints.ITallySink
    {
        private readonly List<int> _waiting = [];

        public void WeekStarted() => _waiting.Clear();

        public void HitCounted(int index) => _waiting.Add(index);

        public void HitPairCompleted(int index)
        {
            foreach (var partner in _waiting)
            {
                var id = activities[partner].Id;
                credits[id] = credits.GetValueOrDefault(id) with { HitPair = true };
            }

            _waiting.Clear();
        }

        public void Earned(int index, long points)
        {
            var id = activities[index].Id;
            var before = credits.GetValueOrDefault(id);
            credits[id] = before with { Points = before.Points + points };
        }
    }
}
