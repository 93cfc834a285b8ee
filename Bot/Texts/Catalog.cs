using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Bot.Texts;

/// <summary>
/// The bot's texts, one embedded JSON catalog per language (<c>texts-en.json</c>, <c>texts-de.json</c>): a key, and a
/// text with positional placeholders (<c>{0}</c>) filled with arguments already formatted by <see cref="Formats"/>.
/// The bot runs without ICU, so no culture does this for it. A test checks that both catalogs have the same keys and
/// placeholders; a missing key is a bug and throws.
/// </summary>
internal static class Catalog
{
    private static readonly FrozenDictionary<string, string> English = Load("en");
    private static readonly FrozenDictionary<string, string> German = Load("de");

    public static string Text(Language language, string key, params object[] args)
    {
        var texts = Of(language);
        if (!texts.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"no text '{key}' in the {language} catalog");
        }

        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>Every key and its unfilled text, for the catalog tests.</summary>
    internal static IReadOnlyDictionary<string, string> Of(Language language) => language == Language.German ? German : English;

    private static FrozenDictionary<string, string> Load(string code)
    {
        var name = $"Bot.Texts.texts-{code}.json";
        using var stream = typeof(Catalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the catalog {name} is not embedded in {typeof(Catalog).Assembly.GetName().Name}");

        // Read by hand, not by the reflection-based serializer: a flat object of strings needs nothing more.
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
