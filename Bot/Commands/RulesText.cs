using System.Globalization;
using System.Text;
using Bot.Scoring;

namespace Bot.Commands;

/// <summary>The rules as a member reads them.</summary>
internal static class RulesText
{
    public static string Describe(Rules rules, string currency)
    {
        var d = (decimal value) => DecimalText.Format(value);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"• **{d(rules.PointsRequired)} points** pass a week (from week {rules.StartWeek}).\n");
        text.Append(CultureInfo.InvariantCulture, $"• One point per day for an activity of at least its sport's minutes, less {d(rules.ToleranceMinutes)} minutes' tolerance.\n");
        text.Append(CultureInfo.InvariantCulture, $"• Walks: at most {rules.WalkLimit} a week count.\n");
        if (rules.HitRequired > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"• {rules.HitRequired} short sessions ({string.Join(", ", rules.HitCategories)}) of more than {d(rules.HitMinMinutes)} and less than {d(60 - rules.ToleranceMinutes)} minutes make a point.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"• Multi-day activities earn a point per day (the last day counts from {d(rules.MultiDayMinEndMinutes)} minutes past midnight).\n");
        var price = Money.Format(rules.PricePerWeek, currency);
        text.Append(rules.MultiplierOn
            ? $"• A failed week costs {price}, ×{d(rules.Multiplier)} for every failed week in a row.\n"
            : $"• A failed week costs {price}.\n");
        if (rules.MaxWeeklyAmount is { } cap)
        {
            text.Append(CultureInfo.InvariantCulture, $"• No week costs more than {Money.Format(cap, currency)}.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"• {rules.Jokers} joker(s) a season: `/joker` skips the current week.\n\n**Minutes per sport**\n");
        foreach (var (sport, minutes) in rules.SportMinutes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{sport} {d(minutes)} · ");
        }

        return text.ToString().TrimEnd(' ', '·');
    }
}
