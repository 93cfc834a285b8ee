using Bot.Commands;
using Bot.Scoring;
using Bot.Texts;

namespace Bot.Tests.Commands;

/// <summary>/rules as a member reads them, in English and in German.</summary>
[Category(TestCategories.Unit)]
public sealed class RulesTextTests
{
    private static readonly Rules Capped = Rules.Default with { PointsRequired = 2.5m, MultiplierOn = false, MaxWeeklyAmount = 12.5m, Jokers = 2 };

    [TestCase(Language.English,
        "• **2.5 points** pass a week (from week 1).|• A failed week costs 5.00 €.|• No week costs more than 12.50 €.|"
        + "• 2 joker(s) a season: `/joker` skips the current week.|**Minutes per sport**")]
    [TestCase(Language.German,
        "• **2,5 Punkte** schaffen eine Woche (ab Woche 1).|• Eine nicht geschaffte Woche kostet 5,00 €.|• Keine Woche kostet mehr als 12,50 €.|"
        + "• 2 Joker pro Saison: `/joker` lässt die laufende Woche aus.|**Minuten je Sportart**")]
    public void Describe_CappedRules_TargetPriceCapAndJokersInTheLanguage(Language language, string expected)
    {
        var lines = RulesText.Describe(Capped, "€", language).Split('\n');

        Assert.That(lines, Is.SupersetOf(expected.Split('|')));
    }
}
