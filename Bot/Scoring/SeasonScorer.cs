namespace Bot.Scoring;

/// <summary>
/// Computes a season's standings from rules, activities, jokers and "as of" — the one computation
/// behind both /week and /total. Pure: no I/O, no clock.
/// </summary>
public static class SeasonScorer
{
    public static SeasonStandings Score(SeasonInput input)
    {
        var calendar = SeasonCalendar.For(input.Season);
        var rules = new CompiledRules(input.Rules, input.Kinds, calendar.WeekCount);
        var lastWeek = calendar.LastReportedWeek(input.AsOf);
        var inProgress = calendar.InProgressWeek(input.AsOf);
        var members = new MemberStanding[input.Members.Count];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = MemberScorer.Score(input.Members[i], rules, calendar, lastWeek, inProgress);
        }

        return new SeasonStandings(input.Season, input.AsOf, members);
    }

    /// <summary>
    /// Week <paramref name="week"/> for every member: the same computation as <see cref="Score"/>,
    /// stopped at that week. Null results for a week that is not yet reported.
    /// </summary>
    public static IReadOnlyList<MemberWeek> ScoreWeek(SeasonInput input, int week)
    {
        var calendar = SeasonCalendar.For(input.Season);
        var rules = new CompiledRules(input.Rules, input.Kinds, calendar.WeekCount);
        var lastWeek = Math.Min(week, calendar.LastReportedWeek(input.AsOf));
        var inProgress = calendar.InProgressWeek(input.AsOf);
        var results = new MemberWeek[input.Members.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var member = input.Members[i];
            var standing = MemberScorer.Score(member, rules, calendar, lastWeek, inProgress);
            WeekResult? result = standing.Weeks.Count > 0 && standing.Weeks[^1].Week == week ? standing.Weeks[^1] : null;
            results[i] = new MemberWeek(member.Id, member.Name, result, standing.Error);
        }

        return results;
    }
}
