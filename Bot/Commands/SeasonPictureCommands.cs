using System.Globalization;
using Bot.Configuration;
using Bot.Discord.Commands;
using Bot.Discord.Entities;
using Bot.Pictures;
using Bot.Scoring;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>/season: the season at a glance as a PNG, from the same shared tally as /total.</summary>
public sealed class SeasonPictureCommands(
    ChallengeLookup lookup,
    SeasonPipeline pipeline,
    PictureService pictures,
    ChallengeOptions options) : ApplicationCommandModule
{
    internal static string Description(int season) =>
        string.Create(CultureInfo.InvariantCulture, $"Season {season}: one row per member, one cell per week (passed, failed, joker, in progress, future), totals at the right");

    [SlashCommand("season", "The season at a glance: a picture of every member's weeks and totals")]
    [Ephemeral]
    public async Task SeasonAsync(InteractionContext ctx, [Option("season", "Season year; leave out for the current one")][Minimum(2000)][Maximum(9998)] long? season = null)
    {
        if (await SeasonCommands.FindAsync(ctx, lookup, (int?)season) is not { } found)
        {
            return;
        }

        var (challenge, today) = found;
        if (await pipeline.SeasonAsync(challenge, today) is not { } tally)
        {
            await Replies.Private(ctx, SeasonCommands.Busy);
            return;
        }

        var picture = PictureModels.Season(tally.Season.Members, tally.Standings, options.Currency);
        if (pictures.TryRenderSeasonAsync(picture, ctx.CancellationToken) is not { } rendering)
        {
            await Replies.Private(ctx, SeasonCommands.Busy);
            return;
        }

        await rendering;
        var note = await ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent(string.Create(CultureInfo.InvariantCulture,
            $"Season {challenge.SeasonYear} picture posted below (pot {Money.Format(picture.Pot, options.Currency)}, as of {today:yyyy-MM-dd}).")), ctx.CancellationToken);
        if (note.IsSuccess)
        {
            await PictureReplies.FollowUpAsync(ctx, rendering, $"season-{challenge.SeasonYear}.png", Description(challenge.SeasonYear));
        }
    }
}
