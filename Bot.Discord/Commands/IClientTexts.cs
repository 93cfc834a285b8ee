namespace Bot.Discord.Commands;

/// <summary>
/// The client's own lines to a user — an unknown command, a handler that failed, an option it cannot bind — in the
/// interaction's language. The library's English (<see cref="ClientText"/>) is the default; the host supplies other
/// languages from its catalogs.
/// </summary>
public interface IClientTexts
{
    /// <summary>The line <paramref name="text"/> in the language of <paramref name="locale"/>, or null to keep the English.</summary>
    string? For(string? locale, ClientText text);
}
