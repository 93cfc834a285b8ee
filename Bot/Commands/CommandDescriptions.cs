using Bot.Discord.Commands;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// The German descriptions of the commands and options, from the German catalog's <c>describe.PATH</c> keys. The
/// English ones are the attributes' own; a test checks that every command and option has its German one.
/// </summary>
internal sealed class CommandDescriptions : ICommandDescriptions
{
    public const string Prefix = "describe.";

    public IReadOnlyDictionary<string, string>? For(string path) =>
        Catalog.Of(Language.German).TryGetValue(Prefix + path, out var german) ? new Dictionary<string, string> { ["de"] = german } : null;
}
