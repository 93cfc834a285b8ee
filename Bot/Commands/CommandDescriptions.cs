using Bot.Discord.Commands;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// The German descriptions of the commands and options, from the German catalog's <c>describe.PATH</c> keys, and the
/// German names of options' choices, from its <c>choice.PATH VALUE</c> keys. The English ones are the attributes' own
/// (and the enum's names); a test checks that every command, option and choice has its German one.
/// </summary>
internal sealed class CommandDescriptions : ICommandDescriptions
{
    public const string Prefix = "describe.";
    public const string ChoicePrefix = "choice.";

    public IReadOnlyDictionary<string, string>? For(string path) => German(Prefix + path);

    public IReadOnlyDictionary<string, string>? ForChoice(string path, string choice) => German($"{ChoicePrefix}{path} {choice}");

    private static Dictionary<string, string>? German(string key) =>
        Catalog.Of(Language.German).TryGetValue(key, out var german) ? new Dictionary<string, string> { ["de"] = german } : null;
}
