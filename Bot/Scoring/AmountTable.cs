using System.Numerics;

namespace Bot.Scoring;

/// <summary>
/// The charge of a failed week for every possible streak, computed exactly once per rules:
/// price × multiplier^streak in integers, rounded half away from zero to the cent, then capped.
/// </summary>
internal sealed class AmountTable
{
    private static readonly BigInteger DecimalCoefficientLimit = BigInteger.One << 96;

    private readonly ExactDecimal?[] _amounts;

    public AmountTable(Rules rules, int maxStreak)
    {
        _amounts = new ExactDecimal?[maxStreak + 1];
        var price = ExactDecimal.From(rules.PricePerWeek);
        var multiplier = ExactDecimal.From(rules.Multiplier);
        ExactDecimal? cap = rules.MaxWeeklyAmount is { } max ? ExactDecimal.From(max) : null;
        var cents = new long[maxStreak + 1];
        var allCents = true;
        for (var streak = 0; streak <= maxStreak; streak++)
        {
            var exponent = rules.MultiplierOn ? streak : 0;
            var amount = Charge(price, multiplier, exponent);
            if (cap is { } limit && amount.CompareTo(limit) > 0)
            {
                amount = limit;
            }

            var fits = amount.Fits;
            _amounts[streak] = fits ? amount : null;
            if (fits && amount.TryGetCents(out var c) && c <= long.MaxValue / 64)
            {
                cents[streak] = c;
            }
            else
            {
                allCents = false;
            }
        }

        Cents = allCents ? cents : null;
    }

    /// <summary>Every amount in whole cents, when all of them are small enough for fast summing.</summary>
    public long[]? Cents { get; }

    /// <summary>The charge for a failed week at <paramref name="streak"/>, or null when it does not fit a decimal.</summary>
    public ExactDecimal? this[int streak] => _amounts[streak];

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
