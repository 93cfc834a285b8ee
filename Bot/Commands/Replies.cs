using Bot.Discord.Commands;
using Bot.Discord.Entities;

namespace Bot.Commands;

/// <summary>
/// Answers after an ephemeral defer: a private line for the invoker (errors, confirmations), or a
/// private note plus the public report as pages, so no report is cut and no error is public.
/// </summary>
internal static class Replies
{
    public static Task Private(InteractionContext ctx, string text) =>
        ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent(text), ctx.CancellationToken);

    public static async Task PublicAsync(InteractionContext ctx, string note, string title, string text, int color)
    {
        var result = await ctx.EditResponseAsync(new DiscordWebhookBuilder().WithContent(note), ctx.CancellationToken);
        foreach (var page in DiscordPages.ToEmbeds(title, text, color))
        {
            if (!result.IsSuccess)
            {
                return;
            }

            result = await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().AddEmbed(page), ctx.CancellationToken);
        }
    }
}
