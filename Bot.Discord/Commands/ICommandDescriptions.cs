namespace Bot.Discord.Commands;

/// <summary>
/// The translated descriptions of the commands and options (<c>description_localizations</c>), looked up by path:
/// "week" for /week, "week week" for its option <c>week</c>, "admin channel set time" for an option of a subcommand;
/// and the translated names of an option's choices (<c>name_localizations</c>). The command and option names stay
/// as they are; the host supplies the texts from its catalogs.
/// </summary>
public interface ICommandDescriptions
{
    /// <summary>Locale (e.g. "de") to description, or null when the path has none.</summary>
    IReadOnlyDictionary<string, string>? For(string path);

    /// <summary>Locale to the shown name of the choice <paramref name="choice"/> (its value, e.g. "Sunday") of the option at <paramref name="path"/> (e.g. "remind on day"), or null when it has none.</summary>
    IReadOnlyDictionary<string, string>? ForChoice(string path, string choice) => null;
}
