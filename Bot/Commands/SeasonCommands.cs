using System.Text;
using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Pictures;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>/week, /total, /joker, /rules: the season from the store, tallied on the CPU threads.</summary>
public sealed class SeasonCommands(
    SeasonPipeline pipeline,
    JokerRepository jokers,
    PictureService pictures,
    ChallengeOptions options,
    StravaSyncRepository syncs,
    Strava.RateLimitGovernor? governor = null) : ApplicationCommandModule
{
    private const int Green = 0x2ECC71;
    private const int Gold = 0xF1C40F;

    [SlashCommand("week", "A week's standings: points, passed or failed, amount owed, and a bar picture")]
    [Ephemeral]
    public async Task WeekAsync(
        InteractionContext ctx,
        [RequireChallenge] ChallengeContext found,
        [Option("week", "Week number; leave out for the current week")][Minimum(1)][Maximum(53)] long? week = null)
    {
        var (challenge, today) = found;
        var calendar = SeasonCalendar.For(challenge.SeasonYear);
        var current = calendar.InProgressWeek(today);
        var wanted = (int?)week ?? current;

        // The answer is public, but it answers the invoker: it speaks their client's language.
        var language = Languages.FromLocale(ctx.Locale);
        if (wanted == 0)
        {
            await Replies.PrivateAsync(ctx, Catalog.Text(language, "week.not_running", challenge.SeasonYear));
            return;
        }

        if (wanted > calendar.WeekCount)
        {
            await Replies.PrivateAsync(ctx, Catalog.Text(language, "week.no_such_week", challenge.SeasonYear, calendar.WeekCount, wanted));
            return;
        }

        if (wanted > calendar.LastReportedWeek(today))
        {
            await Replies.PrivateAsync(ctx, Catalog.Text(language, "week.not_started", wanted, current));
            return;
        }

        if (await pipeline.WeekAsync(challenge, today, wanted, ctx.CancellationToken) is not { } tally)
        {
            await Replies.BusyAsync(ctx);
            return;
        }

        var (season, results) = tally;
        var shown = new List<(string, WeekResult, MemberState, string?)>();
        for (var i = 0; i < results.Count; i++)
        {
            if (season.Members[i].ConsentToReports && results[i].Result is { } result)
            {
                var (state, note) = MemberNotes.Of(season.Members[i], season.Zone, language);
                shown.Add((results[i].Name, result, state, note));
            }
        }

        var rules = season.Input.Rules;
        var inProgress = wanted == current ? Catalog.Text(language, "week.in_progress") : "";
        var text = StandingsText.Week(wanted, shown, rules.PointsRequired, options.Currency, season.Members.Count(m => !m.ConsentToReports), language);
        // Drawn on the CPU threads while the text goes out.
        var picture = pictures.TryRenderWeekAsync(
            PictureModels.Week(challenge.SeasonYear, wanted, wanted == current, rules.PointsRequired, season.Members, results, options.Currency, language), ctx.CancellationToken);
        await Replies.PublicAsync(ctx, Catalog.Text(language, "week.posted", wanted), Catalog.Text(language, "week.title", wanted, challenge.SeasonYear) + inProgress, text, Green);
        await Replies.PictureAsync(ctx, picture, $"week-{challenge.SeasonYear}-{wanted}.png",
            Catalog.Text(language, "week.picture", wanted, Formats.Number(language, rules.PointsRequired)));
    }

    [SlashCommand("total", "The season's ledger: what everyone owes, and the pot")]
    [Ephemeral]
    public async Task TotalAsync(
        InteractionContext ctx,
        [RequireChallenge(SeasonOption = "season")] ChallengeContext found,
        [Option("season", "Season year; leave out for the current one")][Minimum(2000)][Maximum(9998)] long? season = null,
        [Option("picture", "Also post the season picture (as /season does)")] bool picture = false)
    {
        var (challenge, today) = found;
        var language = Languages.FromLocale(ctx.Locale);

        // Ten /total at once for one season share one read and one tally (see SeasonPipeline.SeasonAsync).
        if (await pipeline.SeasonAsync(challenge, today) is not { } tally)
        {
            await Replies.BusyAsync(ctx);
            return;
        }

        var (loaded, result) = tally;
        var drawing = picture ? pictures.TryRenderSeasonAsync(PictureModels.Season(loaded.Members, result, options.Currency, language), ctx.CancellationToken) : null;
        var shown = new List<(string, decimal, MemberState, string?)>();
        var errors = 0;
        for (var i = 0; i < result.Members.Count; i++)
        {
            var member = result.Members[i];
            errors += member.HasError ? 1 : 0;
            if (loaded.Members[i].ConsentToReports && !member.HasError)
            {
                var (state, note) = MemberNotes.Of(loaded.Members[i], loaded.Zone, language);
                shown.Add((member.Name, member.Total, state, note));
            }
        }

        // Syncing members owe nothing (all their weeks are without data), so the pot leaves them out.
        var pot = result.Members.Where(m => !m.HasError).Sum(m => m.Total);

        // A member who left lists only the weeks before they did: the season's weeks are the longest list.
        var weeks = result.Members.MaxBy(m => m.Weeks.Count)?.Weeks is { Count: > 0 } longest ? longest : null;
        var covered = weeks is null ? Catalog.Text(language, "total.no_weeks") : Catalog.Text(language, "total.weeks", weeks[0].Week, weeks[^1].Week);
        var text = new StringBuilder(StandingsText.Total(shown, options.Currency, loaded.Members.Count(m => !m.ConsentToReports),
            errors > 0 ? Catalog.Text(language, "total.errors", errors) : null, language));
        var synced = SyncNote.For(await syncs.GetSyncStatusAsync(challenge.Id, ctx.CancellationToken), governor?.State, language);
        text.Append('\n').Append(Catalog.Text(language, "total.pot", Formats.Money(language, pot, options.Currency), covered, Formats.ShortDate(language, today), synced));
        await Replies.PublicAsync(ctx, Catalog.Text(language, "total.posted", challenge.SeasonYear), Catalog.Text(language, "total.title", challenge.SeasonYear), text.ToString(), Gold);
        if (picture)
        {
            await Replies.PictureAsync(ctx, drawing, $"season-{challenge.SeasonYear}.png", SeasonPictureCommands.Description(challenge.SeasonYear, language));
        }
    }

    [SlashCommand("joker", "Skip the current week with a joker, or take it back")]
    [Ephemeral]
    public async Task JokerAsync(InteractionContext ctx, [RequireMember] ChallengeMember member)
    {
        var ((challenge, today), participant) = member;
        var language = Languages.FromLocale(ctx.Locale);
        var week = SeasonCalendar.For(challenge.SeasonYear).InProgressWeek(today);
        if (week == 0)
        {
            await Replies.PrivateAsync(ctx, Catalog.Text(language, "joker.not_running", challenge.SeasonYear));
            return;
        }

        var outcome = await jokers.ToggleAsync(participant.ParticipationId, week, ctx.CancellationToken);
        var text = outcome.Outcome switch
        {
            Data.Repositories.JokerToggleOutcome.Spent => Catalog.Text(language, "joker.spent", week, outcome.JokersLeft),
            Data.Repositories.JokerToggleOutcome.Refunded => Catalog.Text(language, "joker.refunded", week, outcome.JokersLeft),
            _ => Catalog.Text(language, "joker.none_left", week),
        };
        await Replies.PrivateAsync(ctx, text);
    }

    [SlashCommand("rules", "The challenge's rules")]
    [Ephemeral]
    public async Task RulesAsync(InteractionContext ctx, [RequireChallenge] ChallengeContext found)
    {
        var rules = RulesJson.Parse(found.Challenge.RulesJson);
        var language = Languages.FromLocale(ctx.Locale);
        await Replies.PublicAsync(ctx, Catalog.Text(language, "rules.posted"), Catalog.Text(language, "rules.title", found.Challenge.SeasonYear),
            RulesText.Describe(rules, options.Currency, language), Green);
    }
}
