using Bot.Configuration;
using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Discord.Entities;
using Bot.Discord.Guilds;
using Bot.Discord.Rest;
using Bot.Pictures;
using Bot.Scoring;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Recaps;

/// <summary>
/// Posts a server's due recap, and after a season's last week its close: each claimed first (a post record, so never
/// twice, whatever restarts), the season read and tallied through <see cref="SeasonPipeline"/>, the picture drawn
/// on the CPU threads, then sent with passing failures retried a few times. What became of it is recorded for
/// <c>/admin channel show</c>; no failure escapes.
/// </summary>
public sealed class RecapPoster(
    ChallengeRepository challenges,
    PostRecordRepository posts,
    ChannelSettingRepository settings,
    SeasonPipeline pipeline,
    PictureService pictures,
    DiscordRestClient rest,
    GuildCache guilds,
    ChallengeOptions options,
    TimeProvider time,
    ILogger<RecapPoster> logger)
{
    /// <summary>How often a send that failed for a passing reason (rate limit, network, Discord's 5xx) is tried in all.</summary>
    public const int Attempts = 3;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(20);

    public async Task PostDueAsync(ChannelSetting setting, RecapDue due, CancellationToken cancellationToken)
    {
        // A week of a year the server ran no season in has nothing to recap.
        if (setting.ChannelId is not { } channel || await challenges.GetAsync(setting.GuildId, due.Season, cancellationToken) is not { } challenge)
        {
            return;
        }

        var recapKey = new PostKey(setting.GuildId, PostKinds.Recap, due.Season, due.Week);
        var closeKey = recapKey with { Kind = PostKinds.SeasonClose };
        var recapClaimed = await posts.TryClaimAsync(recapKey, cancellationToken);
        var lastWeek = due.Week == SeasonCalendar.For(due.Season).WeekCount;
        var closeClaimed = lastWeek && await posts.TryClaimAsync(closeKey, cancellationToken);
        if (!recapClaimed && !closeClaimed)
        {
            return;
        }

        var tally = await pipeline.TallyWhenFreeAsync(challenge, due.Monday, null, cancellationToken);
        var recap = RecapBuilder.Build(tally, due.Week, due.Late);

        // Channel posts speak the server's language (its preferred_locale from the gateway), not an invoker's.
        var language = Languages.FromLocale(guilds.Find((ulong)setting.GuildId)?.PreferredLocale);
        if (recapClaimed)
        {
            var picture = await RenderAsync(() => pictures.TryRenderWeekAsync(WeekPicture(tally, recap, language), cancellationToken), cancellationToken);
            var message = new DiscordMessageBuilder().WithContent(RecapText.Heading(recap, language))
                .AddEmbeds(DiscordPages.ToEmbeds(RecapText.Title(recap, language), RecapText.Standings(recap, options.Currency, language), RecapText.Color).Take(DiscordLimits.EmbedsPerMessage))
                .AddFile($"week-{due.Season}-{due.Week}.png", picture.Png, "image/png", RecapText.PictureDescription(recap, language));
            await SendAsync(setting.GuildId, channel, recapKey, PostOutcome.Recap, due.Week, message, cancellationToken);
        }

        if (closeClaimed)
        {
            var picture = await RenderAsync(() => pictures.TryRenderSeasonAsync(PictureModels.Season(tally.Season.Members, tally.Standings, options.Currency, language), cancellationToken), cancellationToken);
            var message = new DiscordMessageBuilder().WithContent(RecapText.CloseHeading(recap, language))
                .AddEmbeds(DiscordPages.ToEmbeds(RecapText.CloseTitle(recap, language), RecapText.Ledger(recap, options.Currency, language), RecapText.CloseColor).Take(DiscordLimits.EmbedsPerMessage))
                .AddFile($"season-{due.Season}.png", picture.Png, "image/png", RecapText.SeasonPictureDescription(due.Season, language));
            await SendAsync(setting.GuildId, channel, closeKey, PostOutcome.Close, due.Season, message, cancellationToken);
        }
    }

    private WeekPicture WeekPicture(SeasonTally tally, Recap recap, Language language)
    {
        var results = tally.Standings.Members
            .Select(m => new MemberWeek(m.Id, m.Name, m.Weeks.FirstOrDefault(w => w.Week == recap.Week) is { Week: > 0 } w ? w : null, m.Error)).ToList();
        return PictureModels.Week(recap.Season, recap.Week, inProgress: false, recap.PointsRequired, tally.Season.Members, results, options.Currency, language);
    }

    // A background job has nobody to tell "busy": it waits for room on the CPU threads.
    private async Task<RenderedPicture> RenderAsync(Func<Task<RenderedPicture>?> render, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (render() is { } rendering)
            {
                return await rendering;
            }

            await Task.Delay(SeasonPipeline.BusyRetry, time, cancellationToken);
        }
    }

    private async Task SendAsync(long guildId, long channelId, PostKey key, string what, int number, DiscordMessageBuilder message, CancellationToken cancellationToken)
    {
        var result = await rest.CreateMessageAsync((ulong)channelId, message, cancellationToken);
        for (var attempt = 1; attempt < Attempts && IsPassing(result); attempt++)
        {
            RecapsLog.Retrying(logger, key.Kind, guildId, result.Kind.ToString(), RetryDelay.TotalSeconds);
            await Task.Delay(RetryDelay, time, cancellationToken);
            result = await rest.CreateMessageAsync((ulong)channelId, message, cancellationToken);
        }

        // The post record and the log keep the sentence; the server's setting keeps the outcome without words, for
        // /admin channel show to say in the asking admin's language.
        var recorded = PostOutcome.Of(what, number, result);
        var outcome = RecapText.Outcome(recorded, Language.English);
        var now = time.GetUtcNow().UtcDateTime;
        await posts.RecordOutcomeAsync(key, result.IsSuccess, outcome, cancellationToken);
        await settings.RecordOutcomeAsync(guildId, recorded.Encode(), now, cancellationToken);
        if (result.IsSuccess)
        {
            RecapsLog.Posted(logger, key.Kind, key.SeasonYear, key.Week, guildId);
        }
        else
        {
            RecapsLog.NotPosted(logger, key.Kind, key.SeasonYear, key.Week, guildId, outcome);
        }
    }

    private static bool IsPassing(DiscordResult result) =>
        result.Kind is DiscordResultKind.RateLimited or DiscordResultKind.Network || (result.Kind == DiscordResultKind.Failed && result.HttpStatus >= 500);
}
