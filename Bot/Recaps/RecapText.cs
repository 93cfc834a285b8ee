using System.Globalization;
using System.Text;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Recaps;

/// <summary>
/// Every text of the channel posts (the weekly recap, the season close), in the server's language from the
/// <see cref="Catalog"/>, and of their outcomes for <c>/admin channel show</c> (in the admin's language). Computed numbers only.
/// </summary>
public static class RecapText
{
    public const int Color = 0x3498DB;
    public const int CloseColor = 0xF1C40F;

    /// <summary>The message's first line; "(late)" when the bot posts after its slot.</summary>
    public static string Heading(Recap recap, Language language) =>
        Catalog.Text(language, "recap.heading", recap.Week, recap.Season, Late(recap, language));

    public static string Title(Recap recap, Language language) => Catalog.Text(language, "week.title", recap.Week, recap.Season);

    public static string Standings(Recap recap, string currency, Language language)
    {
        var text = new StringBuilder();
        var top = recap.Rows.Where(r => r.Result.Status != WeekStatus.NoData).Select(r => r.Result.Points).DefaultIfEmpty(0).Max();
        var required = Formats.Number(language, recap.PointsRequired);
        foreach (var row in recap.Rows)
        {
            var result = row.Result;
            var medal = result.Points == top && top > 0 && result.Status != WeekStatus.NoData ? "🥇 " : "";
            var points = result.Status == WeekStatus.NoData ? "?" : result.Points.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{medal}**{row.Name}** — {points}/{required} {Status(row, currency, language)}\n");
        }

        if (recap.Rows.Count == 0)
        {
            text.Append(Catalog.Text(language, "recap.nobody", recap.Week)).Append('\n');
        }

        if (recap.Hidden > 0)
        {
            text.Append(Catalog.Text(language, "members.hidden", recap.Hidden)).Append('\n');
        }

        if (recap.LongestRun is { } run)
        {
            text.Append('\n').Append(Catalog.Text(language, "recap.longest_run", string.Join("**, **", run.Names), Weeks(run.Weeks, language))).Append('\n');
        }

        text.Append(Catalog.Text(language, "recap.pot", Formats.Money(language, recap.Pot, currency), recap.Week));
        return text.ToString();
    }

    public static string PictureDescription(Recap recap, Language language) =>
        Catalog.Text(language, "week.picture", recap.Week, Formats.Number(language, recap.PointsRequired));

    public static string CloseHeading(Recap recap, Language language) => Catalog.Text(language, "close.heading", recap.Season, Late(recap, language));

    public static string CloseTitle(Recap recap, Language language) => Catalog.Text(language, "close.title", recap.Season);

    public static string Ledger(Recap recap, string currency, Language language)
    {
        var text = new StringBuilder();
        foreach (var (name, total) in recap.Ledger)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{name}** — {Formats.Money(language, total, currency)}\n");
        }

        if (recap.Hidden > 0)
        {
            text.Append(Catalog.Text(language, "close.hidden", recap.Hidden)).Append('\n');
        }

        text.Append('\n').Append(Catalog.Text(language, "close.pot", Formats.Money(language, recap.Pot, currency))).Append('\n');
        text.Append(Catalog.Text(language, "close.next_season", recap.Season + 1));
        return text.ToString();
    }

    public static string SeasonPictureDescription(int season, Language language) => Catalog.Text(language, "close.picture", season);

    /// <summary>What <c>/admin channel show</c> says about a post: sent, or why not.</summary>
    public static string Outcome(PostOutcome outcome, Language language)
    {
        var what = Catalog.Text(language, outcome.What == PostOutcome.Close ? "outcome.close" : "outcome.recap", outcome.Number);
        return outcome.Kind switch
        {
            PostOutcomeKind.Posted => Catalog.Text(language, "outcome.posted", what),
            PostOutcomeKind.Forbidden => Catalog.Text(language, "outcome.forbidden", what, outcome.Detail),
            PostOutcomeKind.Gone => Catalog.Text(language, "outcome.gone", what, outcome.Detail),
            PostOutcomeKind.RateLimited => Catalog.Text(language, "outcome.rate_limited", what),
            PostOutcomeKind.Failed => Catalog.Text(language, "outcome.failed", what),
            _ => Catalog.Text(language, "outcome.other", what, outcome.Detail),
        };
    }

    /// <summary>A recorded outcome in the language; one recorded before outcomes were stored without words, as it was.</summary>
    public static string Outcome(string stored, Language language) => PostOutcome.Parse(stored) is { } outcome ? Outcome(outcome, language) : stored;

    private static string Status(RecapRow row, string currency, Language language) =>
        WeekStatusText.For(row.Result, row.State, currency, language, "recap.status_syncing", "recap.status_no_data");

    private static string Weeks(int count, Language language) =>
        count == 1 ? Catalog.Text(language, "recap.weeks_one") : Catalog.Text(language, "recap.weeks_many", count);

    private static string Late(Recap recap, Language language) => recap.Late ? Catalog.Text(language, "recap.late") : "";
}
