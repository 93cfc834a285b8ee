using System.Text.Json;
using Bot.Scoring;

namespace Bot.Tests.Scoring;

[Category(TestCategories.Unit)]
public sealed class RulesJsonTests
{
    [Test]
    public void Parse_EmptyObject_AllDefaults()
    {
        var rules = RulesJson.Parse("{}");

        Assert.That((rules.PointsRequired, rules.PricePerWeek, rules.ToleranceMinutes, rules.SportMinutes["AlpineSki"], rules.Jokers),
            Is.EqualTo((3m, 5m, 3m, 120m, 1)));
    }

    [Test]
    public void Parse_SportMinutesGiven_ReplacesWholeTable()
    {
        var rules = RulesJson.Parse("""{"sport_minutes":{"Run":20}}""");

        Assert.That(rules.SportMinutes.Keys, Is.EqualTo(new[] { "Run" }));
    }

    [Test]
    public void Parse_IntegralDecimalForInteger_Accepted()
    {
        var rules = RulesJson.Parse("""{"hit_required":2.0,"start_week":3}""");

        Assert.That((rules.HitRequired, rules.StartWeek), Is.EqualTo((2, 3)));
    }

    [TestCase("""{"colour":1}""", "$.colour", "unknown")]
    [TestCase("""{"price_per_week":-1}""", "$.price_per_week", "negative")]
    [TestCase("""{"multiplier":0.9}""", "$.multiplier", "at least 1")]
    [TestCase("""{"points_required":0.5}""", "$.points_required", "at least 1")]
    [TestCase("""{"start_week":0}""", "$.start_week", "1..53")]
    [TestCase("""{"start_week":54}""", "$.start_week", "1..53")]
    [TestCase("""{"walk_limit":1.5}""", "$.walk_limit", "fraction")]
    [TestCase("""{"multiplier_on":"yes"}""", "$.multiplier_on", "true or false")]
    [TestCase("""{"price_per_week":"5"}""", "$.price_per_week", "number")]
    [TestCase("""{"hit_categories":"Workout"}""", "$.hit_categories", "array")]
    [TestCase("""{"hit_categories":[1]}""", "$.hit_categories[0]", "string")]
    [TestCase("""{"sport_minutes":{"Run":-5}}""", "$.sport_minutes.Run", "negative")]
    [TestCase("""{"jokers":-1}""", "$.jokers", "negative")]
    [TestCase("""{"max_weekly_amount":-1}""", "$.max_weekly_amount", "negative")]
    [TestCase("""{"tolerance_minutes":null}""", "$.tolerance_minutes", "number")]
    public void Parse_InvalidRules_RejectedNamingKey(string json, string path, string reasonPart)
    {
        var exception = Assert.Throws<InvalidInputException>(() => RulesJson.Parse(json));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Path, Is.EqualTo(path));
            Assert.That(exception.Reason, Does.Contain(reasonPart));
        });
    }

    [Test]
    public void Parse_MaxWeeklyAmountNull_NoCap()
    {
        var rules = RulesJson.Parse("""{"max_weekly_amount":null}""");

        Assert.That(rules.MaxWeeklyAmount, Is.Null);
    }

    [Test]
    public void Write_ThenParse_RoundTrips()
    {
        var rules = Rules.Default with { PricePerWeek = 2.50m, MaxWeeklyAmount = 100, HitCategories = ["Workout"], Multiplier = 1.5m };

        var again = RulesJson.Parse(RulesJson.Write(rules));

        Assert.That(RulesJson.Write(again), Is.EqualTo(RulesJson.Write(rules)));
        Assert.That((again.PricePerWeek, again.MaxWeeklyAmount, again.Multiplier), Is.EqualTo((2.5m, (decimal?)100m, 1.5m)));
    }

    [Test]
    public void Write_Amounts_NoExponentNoTrailingZeros()
    {
        using var document = JsonDocument.Parse(RulesJson.Write(Rules.Default with { PricePerWeek = 7.50m }));

        Assert.That(document.RootElement.GetProperty("price_per_week").GetRawText(), Is.EqualTo("7.5"));
    }
}
