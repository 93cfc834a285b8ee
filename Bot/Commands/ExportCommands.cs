using System.Globalization;
using Bot.Configuration;
using Bot.Discord.Commands;
using Bot.Discord.Entities;
using Bot.Discord.Rest;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>
/// <c>/export me</c>: a member's own stored data, privately. A group of its own because Discord
/// cannot have both <c>/me</c> and <c>/me export</c> (a command with subcommands cannot run bare),
/// and an option on <c>/me</c> would mix a file export into the weekly overview.
/// </summary>
[SlashCommandGroup("export", "Your data as files")]
public sealed class ExportCommands(ChallengeLookup lookup, SeasonExports exports) : ApplicationCommandModule
{
    [SlashCommand("me", "Your own stored data this season (activities, weeks, jokers) as JSON and CSV; only you see it")]
    [Ephemeral]
    public async Task MeAsync(InteractionContext ctx)
    {
        if (await SeasonCommands.FindMeAsync(ctx, lookup) is not ({ } found, { } me))
        {
            return;
        }

        var (challenge, today) = found;

        var files = await exports.ForMemberAsync(challenge, me, today, ctx.CancellationToken);
        await SendAsync(ctx, files, string.Create(CultureInfo.InvariantCulture,
            $"Your stored data for season {challenge.SeasonYear} as of {today:yyyy-MM-dd}: your activities, weeks and jokers (no Strava tokens). Only you see this."), challenge.GuildId, challenge.SeasonYear);
    }

    /// <summary>/admin export: the season's ledger for the invoking admin, privately.</summary>
    internal static async Task AdminAsync(InteractionContext ctx, ChallengeLookup lookup, SeasonExports exports, ChallengeOptions options, TimeProvider time)
    {
        if (await AdminCommands.CurrentAsync(ctx, lookup, options) is not { } challenge)
        {
            return;
        }

        var today = StandingsService.Today(challenge, lookup.DefaultZone, time);
        var export = await exports.ForAdminsAsync(challenge, today, ctx.CancellationToken);
        var year = challenge.SeasonYear;
        var hidden = export is { Hidden: > 0 } ? $" {export.Hidden} member(s) not included: they did not agree to channel reports (the pot still counts them)." : "";
        await SendAsync(ctx, export?.Files, string.Create(CultureInfo.InvariantCulture,
            $"Season {year} as of {today:yyyy-MM-dd}, computed results only: `ledger-{year}.csv` (one line per member, with the total), `weeks-{year}.csv` (one line per member and week), `ledger-{year}.json` (weeks, totals and the pot).{hidden} Activities go only to their owner."),
            challenge.GuildId, year);
    }

    private static async Task SendAsync(InteractionContext ctx, IReadOnlyList<DiscordAttachment>? files, string note, long guildId, int season)
    {
        if (files is null)
        {
            await Replies.Private(ctx, SeasonCommands.Busy);
            return;
        }

        var bytes = files.Sum(f => (long)f.Content.Length);
        var largest = files.Max(f => (long)f.Content.Length);
        if (bytes > DiscordLimits.AttachmentBytes || largest > ctx.AttachmentSizeLimit)
        {
            await Replies.Private(ctx, string.Create(CultureInfo.InvariantCulture,
                $"The export is {bytes / 1048576.0:0.0} MiB, more than Discord takes in one message here ({Math.Min(ctx.AttachmentSizeLimit, DiscordLimits.AttachmentBytes) / 1048576.0:0.#} MiB). On the bot's machine, run `Bot export --guild {guildId} --season {season}`."));
            return;
        }

        var message = new DiscordWebhookBuilder().WithContent(note);
        foreach (var file in files)
        {
            message.AddFile(file.FileName, file.Content, file.ContentType, file.Description);
        }

        var result = await ctx.EditResponseAsync(message, ctx.CancellationToken);
        if (result.Kind == DiscordResultKind.InvalidMessage)
        {
            await Replies.Private(ctx, $"The export could not be sent: {result.Message}.");
        }
    }
}
