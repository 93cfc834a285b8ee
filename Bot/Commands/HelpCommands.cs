using System.Globalization;
using System.Text;
using Bot.Discord.Commands;
using Bot.Texts;

namespace Bot.Commands;

/// <summary><c>/help</c>: every command with its options, written from what is registered, so it never goes stale.</summary>
[AllowDirectMessages]
public sealed class HelpCommands(SlashCommandCatalog catalog) : ApplicationCommandModule
{
    [SlashCommand("help", "Every command, its options and an example")]
    [Ephemeral]
    public Task HelpAsync(InteractionContext ctx)
    {
        var language = Languages.FromLocale(ctx.Locale);
        return Replies.PrivatePagesAsync(ctx, Catalog.Text(language, "help.title"), Text(catalog, language));
    }

    internal static string Text(SlashCommandCatalog catalog, Language language = Language.English)
    {
        var text = new StringBuilder();
        foreach (var command in catalog.Commands)
        {
            text.Append(CultureInfo.InvariantCulture, $"**/{command.Path}** — {Described(language, command.Path, command.Description)}");
            if (command.RestrictedByPermissions)
            {
                text.Append(Catalog.Text(language, "help.admins"));
            }

            text.Append('\n');
            foreach (var option in command.Options)
            {
                var range = option.Minimum is not null || option.Maximum is not null ? $" ({option.Minimum}–{option.Maximum})" : "";
                var optional = option.Required ? "" : Catalog.Text(language, "help.optional");
                text.Append(CultureInfo.InvariantCulture, $"  • `{option.Name}`{optional}{range}: {Described(language, $"{command.Path} {option.Name}", option.Description)}\n");
            }
        }

        return text.ToString();
    }

    // The registered descriptions are English; German ones come from the catalog that also localizes the registration.
    private static string Described(Language language, string path, string english) =>
        language == Language.German && new CommandDescriptions().For(path)?["de"] is { } german ? german : english;
}
