using System.Globalization;
using System.Text;
using Bot.Data.Queries;
using Bot.Scoring;

namespace Bot.Standings;

/// <summary>
/// The season's ledger as CSV (RFC 4180, UTF-8, invariant numbers): <see cref="Members"/> has one
/// line per member with the total, <see cref="Weeks"/> one line per member and reported week.
/// Text that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with '.
/// A member's <c>state</c> is active, syncing (no data yet: owes nothing; <c>last_sync_utc</c> empty when never)
/// or left (their frozen closed weeks only; <c>left_at_utc</c>).
/// </summary>
public static class LedgerCsv
{
    public const string MembersHeader =
        "member_id,name,consent_to_reports,passed,failed,jokers,in_progress,no_data,total,error,state,last_sync_utc,left_at_utc";
    public const string WeeksHeader = "member_id,name,week,points,points_required,status,streak,amount";

    /// <param name="members">The participants, in the order of <paramref name="standings"/>' members.</param>
    public static string Members(IReadOnlyList<SeasonMemberRow> members, SeasonStandings standings)
    {
        var csv = new StringBuilder(MembersHeader).Append("\r\n");
        for (var i = 0; i < standings.Members.Count; i++)
        {
            var standing = standings.Members[i];
            Line(csv,
                standing.Id,
                standing.Name,
                members[i].ConsentToReports ? "true" : "false",
                Count(standing, WeekStatus.Passed),
                Count(standing, WeekStatus.Failed),
                Count(standing, WeekStatus.Joker),
                Count(standing, WeekStatus.InProgress),
                Count(standing, WeekStatus.NoData),
                standing.HasError ? "" : Amount(standing.Total),
                standing.Error ?? "",
                StandingsJson.StateName(standing.State),
                Stamp(members[i].LastSyncUtc),
                Stamp(members[i].LeftAtUtc));
        }

        return csv.ToString();
    }

    public static string Weeks(SeasonStandings standings, decimal pointsRequired)
    {
        var csv = new StringBuilder(WeeksHeader).Append("\r\n");
        var required = DecimalText.Format(pointsRequired);
        foreach (var standing in standings.Members)
        {
            foreach (var week in standing.Weeks)
            {
                Line(csv,
                    standing.Id,
                    standing.Name,
                    week.Week.ToString(CultureInfo.InvariantCulture),
                    week.Points.ToString(CultureInfo.InvariantCulture),
                    required,
                    Status(week.Status, standing.State),
                    week.Streak.ToString(CultureInfo.InvariantCulture),
                    Amount(week.Amount));
            }
        }

        return csv.ToString();
    }

    /// <summary>The JSON's status names; a syncing member's weeks without data are "syncing".</summary>
    public static string Status(WeekStatus status, MemberState state = MemberState.Active) => StandingsJson.StatusName(status, state);

    public static string Amount(decimal amount) => amount.ToString("0.00############", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Count(MemberStanding standing, WeekStatus status) =>
        standing.Weeks.Count(w => w.Status == status).ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(fields[i]));
        }

        csv.Append("\r\n");
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
