using System.Text.RegularExpressions;
using Bot.Commands;
using Bot.Texts;

namespace Bot.Tests.Texts;

/// <summary>The text catalogs: every key in both languages, with the same placeholders, and the lookup by locale.</summary>
[Category(TestCategories.Unit)]
public sealed partial class CatalogTests
{
    // The English descriptions of the commands and names of the choices are their attributes' and enums' own; only
    // German has "describe." and "choice." keys (LocaleAnswersTests and CommandDescriptionsTests check those against the registered commands),
    // "client." keys for the Discord client's own lines (ClientTextsTests) and "rules_problem." keys for the rules
    // validator's reasons (RuleChangeTests).
    [Test]
    public void Catalogs_EnglishAndGerman_HaveTheSameKeys()
    {
        var english = Catalog.Of(Language.English).Keys.Order(StringComparer.Ordinal);
        var german = Catalog.Of(Language.German).Keys.Where(k => !k.StartsWith(CommandDescriptions.Prefix, StringComparison.Ordinal) && !k.StartsWith(CommandDescriptions.ChoicePrefix, StringComparison.Ordinal)
            && !k.StartsWith(ClientTexts.Prefix, StringComparison.Ordinal) && !k.StartsWith(RuleChange.ProblemPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.That(german, Is.EqualTo(english).And.Not.Empty);
    }

    [Test]
    public void Catalogs_EveryKey_SamePlaceholdersInBothLanguages()
    {
        var german = Catalog.Of(Language.German);

        var different = Catalog.Of(Language.English)
            .Where(e => german.TryGetValue(e.Key, out var de) && !Placeholders(de).SequenceEqual(Placeholders(e.Value)))
            .Select(e => e.Key);

        Assert.That(different, Is.Empty, "these keys have other placeholders in German than in English");
    }

    [Test]
    public void Catalogs_EveryText_IsNotBlank()
    {
        var blank = Enum.GetValues<Language>().SelectMany(l => Catalog.Of(l).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{l} {e.Key}"));

        Assert.That(blank, Is.Empty);
    }

    [TestCase("de", Language.German)]
    [TestCase("de-AT", Language.German)]
    [TestCase("en-US", Language.English)]
    [TestCase("fr", Language.English)]
    [TestCase("", Language.English)]
    [TestCase(null, Language.English)]
    public void FromLocale_DiscordLocale_GermanOnlyForDe(string? locale, Language expected)
    {
        Assert.That(Languages.FromLocale(locale), Is.EqualTo(expected));
    }

    [Test]
    public void Text_WithArguments_FillsThePlaceholdersInTheLanguage()
    {
        Assert.That((Catalog.Text(Language.English, "week.title", 49, 2026), Catalog.Text(Language.German, "week.title", 49, 2026)),
            Is.EqualTo(("Week 49 · season 2026", "Woche 49 · Saison 2026")));
    }

    [Test]
    public void Text_UnknownKey_Throws()
    {
        Assert.That(() => Catalog.Text(Language.German, "no.such.key"), Throws.TypeOf<KeyNotFoundException>());
    }

    // The distinct placeholder indexes ("{0}", "{1:…}"), in order; the texts may use each more than once.
    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
