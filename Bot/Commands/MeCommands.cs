using System.Globalization;
using System.Text;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Nudges;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

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
        var language = Languages.FromLocale(ctx.Locale);

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
        var (_, note) = MemberNotes.Of(season.Members[0], season.Zone, language);
        var text = Describe(standing, mine, credits, SeasonCalendar.For(challenge.SeasonYear), season.Input.Rules, options.Currency, me.JokersLeft, note, language);

        // The stored notice only says that the bot switched the reminder off; it is told in the language of this /me.
        if (await reminders.TakeNoticeAsync(challenge.GuildId, (long)ctx.Invoker.Id, ctx.CancellationToken) is not null)
        {
            text = NudgeText.SwitchedOff(language) + "\n\n" + text;
        }

        await Replies.PrivatePagesAsync(ctx, Catalog.Text(language, "me.title", standing.Name, challenge.SeasonYear), text);
    }

    /// <summary>The member's weeks, newest first, each activity marked with what it earned (points, a HIT pair's share, or nothing).</summary>
    /// <param name="note">What <see cref="MemberNotes"/> says about a syncing member or one who left.</param>
    internal static string Describe(
        MemberStanding standing, IReadOnlyList<MemberActivityRow> activities, IReadOnlyDictionary<long, ActivityCredit> credits,
        SeasonCalendar calendar, Rules rules, string currency, int jokersLeft, string? note = null, Language language = Language.English)
    {
        if (standing.Error is { } error)
        {
            return Catalog.Text(language, "me.error", error);
        }

        var text = new StringBuilder();
        text.Append(Catalog.Text(language, "me.total", Formats.Money(language, standing.Total, currency), jokersLeft)).Append('\n');
        text.Append(standing.State switch
        {
            MemberState.Syncing => Catalog.Text(language, "me.syncing", note ?? "") + "\n",
            MemberState.Left => Catalog.Text(language, "me.left", note ?? "") + "\n",
            _ => "",
        });
        text.Append('\n');
        foreach (var week in standing.Weeks.Reverse())
        {
            var status = week.Status switch
            {
                WeekStatus.Passed => "✅",
                WeekStatus.Failed => $"❌ {Formats.Money(language, week.Amount, currency)}",
                WeekStatus.Joker => "🃏",
                WeekStatus.NoData when standing.State == MemberState.Syncing => Catalog.Text(language, "week.status_syncing"),
                WeekStatus.NoData => Catalog.Text(language, "week.status_unknown") + Catalog.Text(language, "me.relink"),
                _ => Catalog.Text(language, "status.in_progress"),
            };
            text.Append(Catalog.Text(language, "me.week", week.Week, week.Points, Formats.Number(language, rules.PointsRequired), status)).Append('\n');
            var monday = calendar.Monday(week.Week).ToDateTime(TimeOnly.MinValue);
            foreach (var activity in activities.Where(a => a.StartLocal >= monday && a.StartLocal < monday.AddDays(7)))
            {
                var when = $"{Formats.ShortDay(language, activity.StartLocal.DayOfWeek)} {activity.StartLocal.ToString("HH:mm", CultureInfo.InvariantCulture)}";
                var minutes = Formats.Number(language, decimal.Round(activity.MovingTime / 60m, 1, MidpointRounding.AwayFromZero));
                text.Append(Catalog.Text(language, "me.activity", when, activity.SportType ?? activity.Type ?? "?", minutes, activity.Name ?? "", Credit(credits.GetValueOrDefault(activity.Id), language)))
                    .Append('\n');
            }
        }

        return text.Length == 0 ? Catalog.Text(language, "me.no_weeks") : text.ToString();
    }

    private static string Credit(ActivityCredit credit, Language language) => credit switch
    {
        { Points: > 0, HitPair: true } => Catalog.Text(language, "me.credit_points_hit", credit.Points),
        { Points: > 0 } => Catalog.Text(language, "me.credit_points", credit.Points),
        { HitPair: true } => Catalog.Text(language, "me.credit_hit"),
        _ => Catalog.Text(language, "me.credit_none"),
    };
}
