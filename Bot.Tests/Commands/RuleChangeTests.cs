using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Texts;

namespace Bot.Tests.Commands;

/// <summary>
/// <c>/admin rules set</c>'s refusals name the rule's key and say why in the invoker's language: the validator's own
/// English, or German from the catalog's <c>rules_problem.</c> keys, one for every reason the validator gives.
/// </summary>
[Category(TestCategories.Unit)]
public sealed class RuleChangeTests
{
    [TestCase(Language.English, "Not changed: points_required: must be at least 1, found 0.")]
    [TestCase(Language.German, "Nicht geändert: points_required: muss mindestens 1 sein.")]
    public void Set_BelowTheMinimum_RefusedNamingTheKeyInTheLanguage(Language language, string expected)
    {
        var edit = RuleChange.Set("{}", "points_required", JsonValue.Create(0), language);

        Assert.That((edit.Problem, edit.RulesJson), Is.EqualTo((expected, (string?)null)));
    }

    [TestCase("sport_minutes", "5", "muss ein Objekt sein, Sportart und Minuten")]
    [TestCase("hit_categories", "5", "muss eine Liste sein")]
    [TestCase("hit_categories", "[1]", "muss ein Text in Anführungszeichen sein")]
    [TestCase("multiplier_on", "1", "muss true oder false sein")]
    [TestCase("points_required", "\"x\"", "muss eine Zahl sein")]
    [TestCase("walk_limit", "2.5", "muss eine ganze Zahl sein")]
    [TestCase("points_required", "1e400", "die Zahl 1e400 ist zu groß oder zu klein")]
    [TestCase("start_week", "60", "60 liegt nicht zwischen 1 und 53")]
    [TestCase("jokers", "-1", "darf nicht negativ sein")]
    [TestCase("jokers", "3000000000", "3000000000 ist zu groß")]
    [TestCase("nope", "1", "„nope“ ist keine Regel")]
    public void Set_EachReasonOfTheValidator_HasItsGermanWords(string key, string value, string reason)
    {
        var edit = RuleChange.Set("{}", key, JsonNode.Parse(value), Language.German);

        Assert.That(edit.Problem, Does.EndWith($": {reason}.").And.StartWith("Nicht geändert: "));
    }

    [Test]
    public void Set_ValidValue_SavedInCanonicalForm()
    {
        var edit = RuleChange.Set("{}", "points_required", JsonValue.Create(4), Language.German);

        Assert.Multiple(() =>
        {
            Assert.That(edit.Problem, Is.Null);
            Assert.That(edit.RulesJson, Does.Contain("\"points_required\":4"));
        });
    }
}
