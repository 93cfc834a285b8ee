namespace Bot.Discord.Commands;

/// <summary>
/// The translated descriptions of the commands and options (<c>description_localizations</c>), looked up by path:
/// "week" for /week, "week week" for its option <c>week</c>, "admin channel set time" for an option of a subcommand.
/// The names stay as they are; the host supplies the texts from its catalogs.
/// </summary>
public interface ICommandDescriptions
{
    /// <summary>Locale (e.g. "de") to description, or null when the path has none.</summary>
    IReadOnlyDictionary<string, string>? For(string path);
}
