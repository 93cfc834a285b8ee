using Bot.Data.Queries;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Pictures;

/// <summary>
/// Standings → what the pictures show. Only members who consented to channel reports get a row
/// or a bar; the others are counted, and their amounts are still in the pot.
/// </summary>
public static class PictureModels
{
    /// <param name="members">The participants, in the order of <paramref name="standings"/>' members.</param>
    public static SeasonPicture Season(
        IReadOnlyList<SeasonMemberRow> members, SeasonStandings standings, string currency, Language language = Language.English)
    {
        var calendar = SeasonCalendar.For(standings.Season);
        var lastReported = calendar.LastReportedWeek(standings.AsOf);
        var rows = new List<SeasonPictureRow>();
        var hidden = 0;
        var uncounted = 0;
        var pot = 0m;
        for (var i = 0; i < standings.Members.Count; i++)
        {
            var standing = standings.Members[i];
            if (standing.HasError)
            {
                uncounted++;
                continue;
            }

            pot += standing.Total;
            if (!members[i].ConsentToReports)
            {
                hidden++;
                continue;
            }

            rows.Add(new SeasonPictureRow(Label(standing.Name, members[i], language), Cells(standing.Weeks, calendar.WeekCount, lastReported), standing.Total));
        }

        rows.Sort((a, b) => b.Total != a.Total ? b.Total.CompareTo(a.Total) : string.CompareOrdinal(a.Name, b.Name));
        return new SeasonPicture(standings.Season, standings.AsOf, calendar.WeekCount, pot, currency, rows, hidden, uncounted, language);
    }

    /// <param name="members">The participants, in the order of <paramref name="results"/>.</param>
    public static WeekPicture Week(
        int season, int week, bool inProgress, decimal pointsRequired, IReadOnlyList<SeasonMemberRow> members, IReadOnlyList<MemberWeek> results, string currency,
        Language language = Language.English)
    {
        var bars = new List<WeekBar>();
        var hidden = 0;
        for (var i = 0; i < results.Count; i++)
        {
            if (!members[i].ConsentToReports)
            {
                hidden++;
            }
            else if (results[i].Result is { } result)
            {
                bars.Add(new WeekBar(Label(results[i].Name, members[i], language), result.Points, result.Status, result.Amount, SeasonInputMapper.State(members[i])));
            }
        }

        return new WeekPicture(season, week, inProgress, pointsRequired, currency, WeekPictureRenderer.Ordered(bars), hidden, language);
    }

    // The name says when a member's weeks are not computed from their activities (their cells show no data, or stop).
    private static string Label(string name, SeasonMemberRow member, Language language) => SeasonInputMapper.State(member) switch
    {
        MemberState.Syncing => Catalog.Text(language, "picture.member_syncing", name),
        MemberState.Left => Catalog.Text(language, "picture.member_left", name),
        _ => name,
    };

    private static PictureCell[] Cells(IReadOnlyList<WeekResult> weeks, int weekCount, int lastReported)
    {
        var cells = new PictureCell[weekCount];
        for (var w = 1; w <= weekCount; w++)
        {
            cells[w - 1] = new PictureCell(w > lastReported ? CellKind.Future : CellKind.NotCounted);
        }

        foreach (var week in weeks)
        {
            cells[week.Week - 1] = week.Status switch
            {
                WeekStatus.Passed => new PictureCell(CellKind.Passed),
                WeekStatus.Failed => new PictureCell(CellKind.Failed, week.Amount),
                WeekStatus.Joker => new PictureCell(CellKind.Joker),
                WeekStatus.NoData => new PictureCell(CellKind.NoData),
                _ => new PictureCell(CellKind.InProgress),
            };
        }

        return cells;
    }
}
