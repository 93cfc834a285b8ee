using Bot.Discord.Commands;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// The Discord client's own lines (an unknown command, a failed handler, an option it cannot bind) in German from the
/// German catalog's <c>client.KEY</c> keys; English stays the library's own, as the commands' English descriptions do.
/// </summary>
internal sealed class ClientTexts : IClientTexts
{
    public const string Prefix = "client.";

    public string? For(string? locale, ClientText text) =>
        Languages.FromLocale(locale) == Language.German ? Catalog.Text(Language.German, Prefix + text.Key, [.. text.Arguments]) : null;
}
