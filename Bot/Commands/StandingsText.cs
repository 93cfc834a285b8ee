using System.Globalization;
using System.Text;
using Bot.Scoring;

namespace Bot.Commands;

/// <summary>
/// The channel texts of /week and /total. Only what the bot computed (points, status, amount), and
/// only for members who consented to channel reports.
/// </summary>
internal static class StandingsText
{
    public static string Week(int week, IReadOnlyList<(string Name, WeekResult Result)> rows, decimal pointsRequired, string currency, int hidden)
    {
        var text = new StringBuilder();
        var best = rows.Where(r => r.Result.Status != WeekStatus.NoData).Select(r => r.Result.Points).DefaultIfEmpty(0).Max();
        foreach (var (name, result) in rows.OrderByDescending(r => r.Result.Points).ThenBy(r => r.Name, StringComparer.CurrentCulture))
        {
            var medal = result.Points == best && best > 0 && result.Status != WeekStatus.NoData ? "🥇 " : "";
            var status = result.Status switch
            {
                WeekStatus.Passed => "✅",
                WeekStatus.Failed => $"❌ {Money.Format(result.Amount, currency)}",
                WeekStatus.Joker => "🃏 joker",
                WeekStatus.NoData => "❔ unknown / no data",
                _ => "⏳ in progress",
            };
            // Without data the points are only what arrived before the link broke: not shown as a score.
            var points = result.Status == WeekStatus.NoData ? "?" : result.Points.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{medal}**{name}** — {points}/{DecimalText.Format(pointsRequired)} {status}\n");
        }

        AppendHidden(text, hidden);
        return text.Length == 0 ? $"Nobody to show for week {week} yet." : text.ToString();
    }

    public static string Total(IReadOnlyList<(string Name, decimal Total)> rows, string currency, int hidden, string? errors)
    {
        var text = new StringBuilder();
        var top = rows.Count > 0 ? rows.Max(r => r.Total) : 0;
        foreach (var (name, total) in rows.OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.CurrentCulture))
        {
            var badge = total == top && top > 0 ? "🤑 " : "";
            text.Append(CultureInfo.InvariantCulture, $"{badge}**{name}** — {Money.Format(total, currency)}\n");
        }

        if (errors is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"⚠️ {errors}\n");
        }

        AppendHidden(text, hidden);
        return text.Length == 0 ? "Nobody to show yet." : text.ToString();
    }

    private static void AppendHidden(StringBuilder text, int hidden)
    {
        if (hidden > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"*{hidden} member(s) not shown: they did not agree to channel reports.*\n");
        }
    }
}
