using Bot.Discord.Commands;
using Bot.Discord.Entities;
using Bot.Discord.Rest;
using Bot.Pictures;

namespace Bot.Commands;

/// <summary>Posts a rendered picture as its own public message after the answer; a full CPU queue is said privately.</summary>
internal static class PictureReplies
{
    public const string PictureBusy = "The picture could not be drawn: the bot is busy right now — ask again in a moment.";

    /// <param name="rendering">The picture being drawn on the CPU queue, or null when that queue refused it.</param>
    public static async Task<DiscordResult> FollowUpAsync(InteractionContext ctx, Task<RenderedPicture>? rendering, string fileName, string description)
    {
        if (rendering is null)
        {
            return await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().WithContent(PictureBusy).AsEphemeral(), ctx.CancellationToken);
        }

        var picture = await rendering;
        return await ctx.FollowUpAsync(new DiscordFollowupMessageBuilder().AddFile(fileName, picture.Png, "image/png", description), ctx.CancellationToken);
    }
}
