using Bot.Discord.Commands;
using Bot.Discord.Entities;
using Bot.Discord.Rest;
using Bot.Pictures;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// Every answer of a command, after its ephemeral defer: a private line for the invoker (errors, confirmations,
/// "busy"), private pages, a private note plus the public report as pages (so no report is cut and no error is
/// public), files, and a picture after the answer. Commands build no Discord message themselves.
/// </summary>
internal static class Replies
{
    public static Task<DiscordResult> PrivateAsync(InteractionContext ctx, string text) =>
        ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent(text), ctx.CancellationToken);

    /// <summary>The CPU queue is full: the invoker is asked to try again, in their language.</summary>
    public static Task<DiscordResult> BusyAsync(InteractionContext ctx) => PrivateAsync(ctx, GuardText.Of(ctx, "busy.answer"));

    /// <summary>A long private answer (e.g. /me, /help) as pages, one embed each.</summary>
    public static Task<DiscordResult> PrivatePagesAsync(InteractionContext ctx, string title, string text) =>
        ctx.RespondPagedAsync(title, text, ephemeral: true, cancellationToken: ctx.CancellationToken);

    public static async Task PublicAsync(InteractionContext ctx, string note, string title, string text, int color)
    {
        var result = await PrivateAsync(ctx, note);
        foreach (var page in DiscordPages.ToEmbeds(title, text, color))
        {
            if (!result.IsSuccess)
            {
                return;
            }

            result = await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().AddEmbed(page), ctx.CancellationToken);
        }
    }

    /// <summary>
    /// Files in the private answer, under <paramref name="note"/>; files too large for Discord get a line naming the
    /// CLI export instead, and a message Discord refuses gets its reason.
    /// </summary>
    /// <param name="files">The files, or null when the CPU queue refused to make them (the invoker reads the busy line).</param>
    public static async Task FilesAsync(InteractionContext ctx, IReadOnlyList<DiscordAttachment>? files, string note, long guildId, int season)
    {
        if (files is null)
        {
            await BusyAsync(ctx);
            return;
        }

        var bytes = files.Sum(f => (long)f.Content.Length);
        var largest = files.Max(f => (long)f.Content.Length);
        if (bytes > DiscordLimits.AttachmentBytes || largest > ctx.AttachmentSizeLimit)
        {
            var language = Languages.FromLocale(ctx.Locale);
            await PrivateAsync(ctx, Catalog.Text(language, "export.too_large", Formats.Number(language, bytes / 1048576.0, "0.0"),
                Formats.Number(language, Math.Min(ctx.AttachmentSizeLimit, DiscordLimits.AttachmentBytes) / 1048576.0, "0.#"), guildId, season));
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
            await PrivateAsync(ctx, GuardText.Of(ctx, "export.refused", result.Message ?? ""));
        }
    }

    /// <summary>Posts a rendered picture as its own public message after the answer; a full CPU queue is said privately.</summary>
    /// <param name="rendering">The picture being drawn on the CPU queue, or null when that queue refused it.</param>
    public static async Task<DiscordResult> PictureAsync(InteractionContext ctx, Task<RenderedPicture>? rendering, string fileName, string description)
    {
        if (rendering is null)
        {
            return await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().WithContent(GuardText.Of(ctx, "busy.picture")).AsEphemeral(), ctx.CancellationToken);
        }

        var picture = await rendering;
        return await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().AddFile(fileName, picture.Png, "image/png", description), ctx.CancellationToken);
    }
}
