using Bot.Discord.Commands;
using Bot.Texts;

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
        var language = Languages.FromLocale(ctx.Locale);
        var files = await exports.ForMemberAsync(challenge, me, today, language, ctx.CancellationToken);

        // The files themselves (CSV headers, JSON names) stay as they are, in every language: they are data, not answers.
        await Replies.FilesAsync(ctx, files, Catalog.Text(language, "export.me", challenge.SeasonYear, Formats.ShortDate(language, today)), challenge.GuildId, challenge.SeasonYear);
    }
}
