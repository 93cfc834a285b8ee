using Bot.Scoring;
using Bot.Standings;

namespace Bot.Recaps;

/// <summary>A season's tally (as of the recap's Monday) → the recap of its closed week. Pure: the tally comes from <see cref="SeasonPipeline"/>.</summary>
public static class RecapBuilder
{
    public static Recap Build(SeasonTally tally, int week, bool late)
    {
        var (season, standings) = tally;
        var rows = new List<RecapRow>();
        var ledger = new List<(string, decimal)>();
        var runs = new List<(string Name, int Weeks)>();
        for (var i = 0; i < standings.Members.Count; i++)
        {
            var standing = standings.Members[i];
            if (!season.Members[i].ConsentToReports || standing.HasError)
            {
                continue;
            }

            ledger.Add((standing.Name, standing.Total));
            if (standing.Weeks.FirstOrDefault(w => w.Week == week) is { Week: > 0 } result)
            {
                rows.Add(new RecapRow(standing.Name, result, SeasonInputMapper.State(season.Members[i])));
                runs.Add((standing.Name, PassedRun(standing.Weeks, week)));
            }
        }

        var best = runs.Count == 0 ? 0 : runs.Max(r => r.Weeks);
        return new Recap(
            standings.Season,
            week,
            late,
            week == SeasonCalendar.For(standings.Season).WeekCount,
            season.Input.Rules.PointsRequired,
            [.. rows.OrderByDescending(r => r.Result.Points).ThenBy(r => r.Name, StringComparer.Ordinal)],
            season.Members.Count(m => !m.ConsentToReports),
            // As /total: the pot counts everyone (shown or not) whose amounts can be counted.
            standings.Members.Where(m => !m.HasError).Sum(m => m.Total),
            best > 0 ? ([.. runs.Where(r => r.Weeks == best).Select(r => r.Name).Order(StringComparer.Ordinal)], best) : null,
            [.. ledger.OrderByDescending(l => l.Item2).ThenBy(l => l.Item1, StringComparer.Ordinal)]);
    }

    /// <summary>The passed weeks in a row ending in <paramref name="week"/> (0 when that week did not pass).</summary>
    internal static int PassedRun(IReadOnlyList<WeekResult> weeks, int week)
    {
        var run = 0;
        for (var w = week; weeks.FirstOrDefault(r => r.Week == w) is { Week: > 0, Status: WeekStatus.Passed }; w--)
        {
            run++;
        }

        return run;
    }
}
