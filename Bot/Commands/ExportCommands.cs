using System.Globalization;
using Bot.Discord.Commands;

namespace Bot.Commands;

/// <summary>
/// <c>/export me</c>: a member's own stored data, privately. A group of its own because Discord
/// cannot have both <c>/me</c> and <c>/me export</c> (a command with subcommands cannot run bare),
/// and an option on <c>/me</c> would mix a file export into the weekly overview.
/// </summary>
[SlashCommandGroup("export", "Your data as files")]
public sealed class ExportCommands(SeasonExports exports) : ApplicationCommandModule
{
    [SlashCommand("me", "Your own stored data this season (activities, weeks, jokers) as JSON and CSV; only you see it")]
    [Ephemeral]
    public async Task MeAsync(InteractionContext ctx, [RequireMember] ChallengeMember member)
    {
        var ((challenge, today), me) = member;
        var files = await exports.ForMemberAsync(challenge, me, today, ctx.CancellationToken);
        await Replies.FilesAsync(ctx, files, string.Create(CultureInfo.InvariantCulture,
            $"Your stored data for season {challenge.SeasonYear} as of {today:yyyy-MM-dd}: your activities, weeks and jokers (no Strava tokens). Only you see this."), challenge.GuildId, challenge.SeasonYear);
    }
}
