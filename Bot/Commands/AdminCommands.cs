using System.Globalization;
using Bot.Discord.Commands;
using Bot.Discord.Entities;
using Bot.Standings;

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
        var export = await exports.ForAdminsAsync(challenge, today, ctx.CancellationToken);
        var year = challenge.SeasonYear;
        var hidden = export is { Hidden: > 0 } ? $" {export.Hidden} member(s) not included: they did not agree to channel reports (the pot still counts them)." : "";
        await Replies.FilesAsync(ctx, export?.Files, string.Create(CultureInfo.InvariantCulture,
            $"Season {year} as of {today:yyyy-MM-dd}, computed results only: `ledger-{year}.csv` (one line per member, with the total), `weeks-{year}.csv` (one line per member and week), `ledger-{year}.json` (weeks, totals and the pot).{hidden} Activities go only to their owner."),
            challenge.GuildId, year);
    }
}
