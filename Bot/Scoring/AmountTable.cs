using System.Numerics;

namespace Bot.Scoring;

/// <summary>
/// The charge of a failed week for every possible streak, computed exactly once per rules:
/// price × multiplier^streak in integers, rounded half away from zero to the cent, then capped.
/// </summary>
internal sealed class AmountTable
{
    private static readonly BigInteger DecimalCoefficientLimit = BigInteger.One << 96;

    public AmountTable(Rules rules, int maxStreak)
    {
        var price = ExactDecimal.From(rules.PricePerWeek);
        var multiplier = ExactDecimal.From(rules.Multiplier);
        ExactDecimal? cap = rules.MaxWeeklyAmount is { } max ? ExactDecimal.From(max) : null;
        Decimals = new decimal?[maxStreak + 1];
        Cents = new long[maxStreak + 1];
        for (var streak = 0; streak <= maxStreak; streak++)
        {
            var amount = Charge(price, multiplier, rules.MultiplierOn ? streak : 0);
            if (cap is { } limit && amount.CompareTo(limit) > 0)
            {
                amount = limit;
            }

            var fits = amount.Fits;
            Decimals[streak] = fits ? amount.ToDecimal() : null;
            // At most long.MaxValue / 64 a week, so 53 weeks of them cannot overflow a long.
            Cents[streak] = fits && amount.TryGetCents(out var cents) && cents <= long.MaxValue / 64 ? cents : -1;
        }
    }

    /// <summary>The charge per streak; null where it does not fit a decimal.</summary>
    public decimal?[] Decimals { get; }

    /// <summary>The charge per streak in whole cents, for fast exact totals; −1 where it is not a small whole number of cents.</summary>
    public long[] Cents { get; }

    private static ExactDecimal Charge(ExactDecimal price, ExactDecimal multiplier, int exponent)
    {
        // value = P × M^e / 10^(p + m·e); cents = round(value × 100), half away from zero (all non-negative).
        var numerator = price.Coefficient * BigInteger.Pow(multiplier.Coefficient, exponent) * 100;
        var denominator = BigInteger.Pow(10, price.Scale + (multiplier.Scale * exponent));
        var cents = ((2 * numerator) + denominator) / (2 * denominator);
        return new ExactDecimal(cents, 2).Normalized();
    }

    internal static bool CoefficientFits(BigInteger coefficient) => coefficient < DecimalCoefficientLimit;
}
