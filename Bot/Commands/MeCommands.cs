using System.Globalization;
using System.Text;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Scoring;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>
/// /me: the invoker's own weeks with their activities. Raw activity detail goes only to its owner, privately. A
/// reminder the bot had to switch off (Discord refused its DM) is said here once.
/// </summary>
public sealed class MeCommands(
    SeasonPipeline pipeline, ActivityRepository activities, Configuration.ChallengeOptions options, ReminderRepository reminders) : ApplicationCommandModule
{
    [SlashCommand("me", "Your own weeks this season, with the activities in them (only you see it)")]
    [Ephemeral]
    public async Task MeAsync(InteractionContext ctx, [RequireMember] ChallengeMember member)
    {
        var ((challenge, today), me) = member;

        var tally = await pipeline.ComputeAsync(challenge, today, m => m.ParticipationId == me.ParticipationId,
            static t => Tuple.Create(t, ActivityCredits.For(t.Season.Input, 0)), ctx.CancellationToken);
        if (tally is null)
        {
            await Replies.BusyAsync(ctx);
            return;
        }

        var ((season, result), credits) = tally;
        var standing = result.Members[0];
        var (from, to) = SeasonWindow.For(challenge.SeasonYear);
        var mine = await activities.ListForMemberAsync(me.MemberId, from, to, ctx.CancellationToken);
        var (_, note) = MemberNotes.Of(season.Members[0], season.Zone);
        var text = Describe(standing, mine, credits, SeasonCalendar.For(challenge.SeasonYear), season.Input.Rules, options.Currency, me.JokersLeft, note);
        if (await reminders.TakeNoticeAsync(challenge.GuildId, (long)ctx.Invoker.Id, ctx.CancellationToken) is { } notice)
        {
            text = notice + "\n\n" + text;
        }

        await Replies.PrivatePagesAsync(ctx, $"{standing.Name} · season {challenge.SeasonYear}", text);
    }

    /// <summary>The member's weeks, newest first, each activity marked with what it earned (points, a HIT pair's share, or nothing).</summary>
    /// <param name="note">What <see cref="MemberNotes"/> says about a syncing member or one who left.</param>
    internal static string Describe(
        MemberStanding standing, IReadOnlyList<MemberActivityRow> activities, IReadOnlyDictionary<long, ActivityCredit> credits,
        SeasonCalendar calendar, Rules rules, string currency, int jokersLeft, string? note = null)
    {
        if (standing.Error is { } error)
        {
            return $"Your amounts cannot be counted exactly ({error}).";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Total: **{Money.Format(standing.Total, currency)}** · jokers left: {jokersLeft}\n");
        text.Append(standing.State switch
        {
            MemberState.Syncing => $"❔ Syncing with Strava ({note}): your weeks show no data and owe nothing until the first back-fill of your season completes.\n",
            MemberState.Left => $"You {note}: your Strava data is deleted; your computed results of closed weeks stay in the ledger. Run `/strava_auth` to take part again.\n",
            _ => "",
        });
        text.Append('\n');
        foreach (var week in standing.Weeks.Reverse())
        {
            var status = week.Status switch
            {
                WeekStatus.Passed => "✅",
                WeekStatus.Failed => $"❌ {Money.Format(week.Amount, currency)}",
                WeekStatus.Joker => "🃏",
                WeekStatus.NoData when standing.State == MemberState.Syncing => "❔ syncing / no data",
                WeekStatus.NoData => "❔ unknown / no data (link Strava again: `/strava_auth`)",
                _ => "⏳ in progress",
            };
            text.Append(CultureInfo.InvariantCulture, $"**Week {week.Week}** — {week.Points}/{DecimalText.Format(rules.PointsRequired)} {status}\n");
            var monday = calendar.Monday(week.Week).ToDateTime(TimeOnly.MinValue);
            foreach (var activity in activities.Where(a => a.StartLocal >= monday && a.StartLocal < monday.AddDays(7)))
            {
                var minutes = (activity.MovingTime / 60m).ToString("0.#", CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture,
                    $"  • {activity.StartLocal:ddd HH:mm} {activity.SportType ?? activity.Type ?? "?"} {minutes} min — {activity.Name} · {Credit(credits.GetValueOrDefault(activity.Id))}\n");
            }
        }

        return text.Length == 0 ? "No weeks yet." : text.ToString();
    }

    private static string Credit(ActivityCredit credit) => credit switch
    {
        { Points: > 0, HitPair: true } => $"⭐ +{credit.Points}, and part of a HIT pair",
        { Points: > 0 } => $"⭐ +{credit.Points}",
        { HitPair: true } => "⭐ part of a HIT pair",
        _ => "no points",
    };
}
