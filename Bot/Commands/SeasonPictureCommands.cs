using Bot.Configuration;
using Bot.Discord.Commands;
using Bot.Pictures;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>/season: the season at a glance as a PNG, from the same shared tally as /total.</summary>
public sealed class SeasonPictureCommands(
    SeasonPipeline pipeline,
    PictureService pictures,
    ChallengeOptions options) : ApplicationCommandModule
{
    internal static string Description(int season, Language language = Language.English) => Catalog.Text(language, "season.picture", season);

    [SlashCommand("season", "The season at a glance: a picture of every member's weeks and totals")]
    [Ephemeral]
    public async Task SeasonAsync(
        InteractionContext ctx,
        [RequireChallenge(SeasonOption = "season")] ChallengeContext found,
        [Option("season", "Season year; leave out for the current one")][Minimum(2000)][Maximum(9998)] long? season = null)
    {
        var (challenge, today) = found;
        var language = Languages.FromLocale(ctx.Locale);
        if (await pipeline.SeasonAsync(challenge, today) is not { } tally)
        {
            await Replies.BusyAsync(ctx);
            return;
        }

        var picture = PictureModels.Season(tally.Season.Members, tally.Standings, options.Currency, language);
        if (pictures.TryRenderSeasonAsync(picture, ctx.CancellationToken) is not { } rendering)
        {
            await Replies.BusyAsync(ctx);
            return;
        }

        await rendering;
        var note = await Replies.PrivateAsync(ctx, Catalog.Text(language, "season.posted",
            challenge.SeasonYear, Formats.Money(language, picture.Pot, options.Currency), Formats.ShortDate(language, today)));
        if (note.IsSuccess)
        {
            await Replies.PictureAsync(ctx, rendering, $"season-{challenge.SeasonYear}.png", Description(challenge.SeasonYear, language));
        }
    }
}
