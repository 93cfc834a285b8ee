using System.Globalization;
using System.Text;
using Bot.Discord.Rest;
using Bot.Scoring;

namespace Bot.Recaps;

/// <summary>
/// Every text of the channel posts (the weekly recap, the season close) and of their outcomes, in one place so a
/// catalog of languages can take them over. Computed numbers only, amounts as the answers format them.
/// </summary>
public static class RecapText
{
    public const int Color = 0x3498DB;
    public const int CloseColor = 0xF1C40F;

    /// <summary>The message's first line; "(late)" when the bot posts after its slot.</summary>
    public static string Heading(Recap recap) =>
        string.Create(CultureInfo.InvariantCulture, $"📊 **Week {recap.Week} recap** · season {recap.Season}{(recap.Late ? " (late)" : "")}");

    public static string Title(Recap recap) => string.Create(CultureInfo.InvariantCulture, $"Week {recap.Week} · season {recap.Season}");

    public static string Standings(Recap recap, string currency)
    {
        var text = new StringBuilder();
        var top = recap.Rows.Where(r => r.Result.Status != WeekStatus.NoData).Select(r => r.Result.Points).DefaultIfEmpty(0).Max();
        foreach (var row in recap.Rows)
        {
            var result = row.Result;
            var medal = result.Points == top && top > 0 && result.Status != WeekStatus.NoData ? "🥇 " : "";
            var points = result.Status == WeekStatus.NoData ? "?" : result.Points.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{medal}**{row.Name}** — {points}/{DecimalText.Format(recap.PointsRequired)} {Status(row, currency)}\n");
        }

        if (recap.Rows.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Nobody to show for week {recap.Week}.\n");
        }

        if (recap.Hidden > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"*{recap.Hidden} member(s) not shown: they did not agree to channel reports.*\n");
        }

        if (recap.LongestRun is { } run)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n🔥 Longest run: **{string.Join("**, **", run.Names)}** — {Weeks(run.Weeks)} passed in a row\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"💰 Pot so far: **{Money.Format(recap.Pot, currency)}** (weeks 1–{recap.Week})");
        return text.ToString();
    }

    public static string PictureDescription(Recap recap) =>
        string.Create(CultureInfo.InvariantCulture, $"Points per member in week {recap.Week} against the {DecimalText.Format(recap.PointsRequired)} required");

    public static string CloseHeading(Recap recap) =>
        string.Create(CultureInfo.InvariantCulture, $"🏁 **Season {recap.Season} is over**{(recap.Late ? " (late)" : "")}");

    public static string CloseTitle(Recap recap) => string.Create(CultureInfo.InvariantCulture, $"Season {recap.Season} · final ledger");

    public static string Ledger(Recap recap, string currency)
    {
        var text = new StringBuilder();
        foreach (var (name, total) in recap.Ledger)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{name}** — {Money.Format(total, currency)}\n");
        }

        if (recap.Hidden > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"*{recap.Hidden} member(s) not shown: they did not agree to channel reports (the pot still counts them).*\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n💰 **Final pot: {Money.Format(recap.Pot, currency)}**\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Admins: start season {recap.Season + 1} with `/admin season start year:{recap.Season + 1}` — the members and rules carry over; `/admin rules` changes the rules.");
        return text.ToString();
    }

    public static string SeasonPictureDescription(int season) =>
        string.Create(CultureInfo.InvariantCulture, $"Season {season}: one row per member, one cell per week, totals at the right");

    /// <summary>What <c>/admin channel show</c> says about a post: sent, or why not.</summary>
    public static string Outcome(string what, DiscordResult result) => result switch
    {
        { IsSuccess: true } => $"{what} posted.",
        { ErrorCode: 50013 } or { Kind: DiscordResultKind.Forbidden } =>
            $"{what} not posted: I lack permissions in the channel (Discord {result.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "403"}). Fix its permissions or pick another channel with `/admin channel set`.",
        { ErrorCode: 10003 } or { Kind: DiscordResultKind.NotFound } =>
            $"{what} not posted: the channel no longer exists (Discord {result.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "404"}). Pick another with `/admin channel set`.",
        { Kind: DiscordResultKind.RateLimited } => $"{what} not posted: Discord kept rate-limiting the bot.",
        _ => string.Create(CultureInfo.InvariantCulture, $"{what} not posted: Discord answered {result.Kind} {result.HttpStatus} {result.Message}."),
    };

    /// <summary>The bot itself failed while preparing the post (the log has the details).</summary>
    public static string Failed(int week) => string.Create(CultureInfo.InvariantCulture, $"Recap of week {week} not posted: the bot failed to prepare it (see its log).");

    public static string WeekRecap(int week) => string.Create(CultureInfo.InvariantCulture, $"Recap of week {week}");

    public static string SeasonClose(int season) => string.Create(CultureInfo.InvariantCulture, $"Season {season} close");

    private static string Status(RecapRow row, string currency) => row.Result.Status switch
    {
        WeekStatus.Passed => "✅",
        WeekStatus.Failed => $"❌ {Money.Format(row.Result.Amount, currency)}",
        WeekStatus.Joker => "🃏 joker",
        WeekStatus.NoData when row.State == MemberState.Syncing => "❔ still syncing",
        WeekStatus.NoData => "❔ no data",
        _ => "⏳ in progress",
    };

    private static string Weeks(int count) => count == 1 ? "1 week" : string.Create(CultureInfo.InvariantCulture, $"{count} weeks");
}
