using System.Globalization;
using System.Text;
using Bot.Discord.Commands;

namespace Bot.Commands;

/// <summary><c>/help</c>: every command with its options, written from what is registered, so it never goes stale.</summary>
[AllowDirectMessages]
public sealed class HelpCommands(SlashCommandCatalog catalog) : ApplicationCommandModule
{
    [SlashCommand("help", "Every command, its options and an example")]
    [Ephemeral]
    public Task HelpAsync(InteractionContext ctx) => Replies.PrivatePagesAsync(ctx, "ChallengeBot commands", Text(catalog));

    internal static string Text(SlashCommandCatalog catalog)
    {
        var text = new StringBuilder();
        foreach (var command in catalog.Commands)
        {
            text.Append(CultureInfo.InvariantCulture, $"**/{command.Path}** — {command.Description}");
            if (command.RestrictedByPermissions)
            {
                text.Append(" *(admins)*");
            }

            text.Append('\n');
            foreach (var option in command.Options)
            {
                var range = option.Minimum is not null || option.Maximum is not null ? $" ({option.Minimum}–{option.Maximum})" : "";
                text.Append(CultureInfo.InvariantCulture, $"  • `{option.Name}`{(option.Required ? "" : " (optional)")}{range}: {option.Description}\n");
            }
        }

        return text.ToString();
    }
}
