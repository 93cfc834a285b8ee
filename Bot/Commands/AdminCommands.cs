using Bot.Discord.Commands;
using Bot.Discord.Entities;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// /admin: for members with Manage Server (Discord hides it from others) and ADMIN_USER_IDS, checked again on every
/// interaction (<see cref="RequireAdminAttribute"/>, which also covers the groups nested in the other
/// <c>AdminCommands.*.cs</c> files, one per group). Every change is one transaction and is echoed back.
/// </summary>
[SlashCommandGroup("admin", "Run the challenge (Manage Server)")]
[SlashCommandPermissions(Permissions.ManageGuild)]
[RequireAdmin]
public sealed partial class AdminCommands(SeasonExports exports) : ApplicationCommandModule
{
    [SlashCommand("export", "The season's computed ledger (no activities) as CSV and JSON files (only you see them)")]
    [Ephemeral]
    public async Task ExportAsync(InteractionContext ctx, [RequireChallenge] ChallengeContext found)
    {
        var (challenge, today) = found;
        var language = Languages.FromLocale(ctx.Locale);
        var export = await exports.ForAdminsAsync(challenge, today, language, ctx.CancellationToken);
        var year = challenge.SeasonYear;
        var hidden = export is { Hidden: > 0 } ? Catalog.Text(language, "admin.export_hidden", export.Hidden) : "";
        await Replies.FilesAsync(ctx, export?.Files, Catalog.Text(language, "admin.export", year, Formats.ShortDate(language, today), hidden), challenge.GuildId, year);
    }
}
