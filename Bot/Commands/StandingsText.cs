using System.Globalization;
using System.Text;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// The channel texts of /week and /total, in the invoker's language. Only what the bot computed
/// (points, status, amount), and only for members who consented to channel reports.
/// </summary>
internal static class StandingsText
{
    /// <param name="rows">
    /// Each shown member's week, with their state and its note (<see cref="MemberNotes"/>): a syncing member's weeks
    /// without data read "syncing", a member who left is marked "left on DATE".
    /// </param>
    public static string Week(
        int week, IReadOnlyList<(string Name, WeekResult Result, MemberState State, string? Note)> rows, decimal pointsRequired, string currency, int hidden,
        Language language)
    {
        var text = new StringBuilder();
        var best = rows.Where(r => r.Result.Status != WeekStatus.NoData).Select(r => r.Result.Points).DefaultIfEmpty(0).Max();
        foreach (var (name, result, state, note) in rows.OrderByDescending(r => r.Result.Points).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
        {
            var medal = result.Points == best && best > 0 && result.Status != WeekStatus.NoData ? "🥇 " : "";
            var status = WeekStatusText.For(result, state, currency, language, "week.status_syncing", "week.status_unknown");
            // Without data the points are only what arrived before the link broke: not shown as a score.
            var points = result.Status == WeekStatus.NoData ? "?" : result.Points.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{medal}**{name}** — {points}/{Formats.Number(language, pointsRequired)} {status}{Suffix(result.Status != WeekStatus.NoData, state, note, language)}\n");
        }

        AppendHidden(text, hidden, language);
        return text.Length == 0 ? Catalog.Text(language, "week.nobody", week) : text.ToString();
    }

    /// <param name="rows">Each shown member's total, with their state and its note, as for <see cref="Week"/>.</param>
    public static string Total(
        IReadOnlyList<(string Name, decimal Total, MemberState State, string? Note)> rows, string currency, int hidden, string? errors, Language language)
    {
        var text = new StringBuilder();
        var top = rows.Count > 0 ? rows.Max(r => r.Total) : 0;
        foreach (var (name, total, state, note) in rows.OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
        {
            var badge = total == top && top > 0 ? "🤑 " : "";

            // A syncing member owes nothing yet: no amount, just that the bot is waiting for their data.
            var waiting = state == MemberState.Syncing && total == 0;
            var amount = waiting ? Catalog.Text(language, "note.syncing") : Formats.Money(language, total, currency);
            text.Append(CultureInfo.InvariantCulture, $"{badge}**{name}** — {amount}{Suffix(!waiting, state, note, language)}\n");
        }

        if (errors is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"⚠️ {errors}\n");
        }

        AppendHidden(text, hidden, language);
        return text.Length == 0 ? Catalog.Text(language, "total.nobody") : text.ToString();
    }

    // " · note"; a syncing member's figure that is not their "syncing" label says so before the note.
    private static string Suffix(bool figure, MemberState state, string? note, Language language) => (state, note) switch
    {
        (_, null) => "",
        (MemberState.Syncing, _) when figure => $" · {Catalog.Text(language, "note.syncing")} · {note}",
        _ => $" · {note}",
    };

    private static void AppendHidden(StringBuilder text, int hidden, Language language)
    {
        if (hidden > 0)
        {
            text.Append(Catalog.Text(language, "members.hidden", hidden)).Append('\n');
        }
    }
}
