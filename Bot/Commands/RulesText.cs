using System.Globalization;
using System.Text;
using Bot.Scoring;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>The rules as a member reads them, in their language.</summary>
internal static class RulesText
{
    public static string Describe(Rules rules, string currency, Language language)
    {
        var d = (decimal value) => Formats.Number(language, value);
        var line = (string key, object[] args) => Catalog.Text(language, key, args) + "\n";
        var text = new StringBuilder();
        text.Append(line("rules.points", [d(rules.PointsRequired), rules.StartWeek]));
        text.Append(line("rules.daily", [d(rules.ToleranceMinutes)]));
        text.Append(line("rules.walks", [rules.WalkLimit]));
        if (rules.HitRequired > 0)
        {
            text.Append(line("rules.hit", [rules.HitRequired, string.Join(", ", rules.HitCategories), d(rules.HitMinMinutes), d(60 - rules.ToleranceMinutes)]));
        }

        text.Append(line("rules.multi_day", [d(rules.MultiDayMinEndMinutes)]));
        var price = Formats.Money(language, rules.PricePerWeek, currency);
        text.Append(rules.MultiplierOn ? line("rules.price_multiplier", [price, d(rules.Multiplier)]) : line("rules.price", [price]));
        if (rules.MaxWeeklyAmount is { } cap)
        {
            text.Append(line("rules.cap", [Formats.Money(language, cap, currency)]));
        }

        text.Append(line("rules.jokers", [rules.Jokers])).Append('\n').Append(line("rules.minutes", []));
        foreach (var (sport, minutes) in rules.SportMinutes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{sport} {d(minutes)} · ");
        }

        return text.ToString().TrimEnd(' ', '·');
    }
}
