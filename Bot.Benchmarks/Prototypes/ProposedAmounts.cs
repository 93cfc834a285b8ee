using Bot.Scoring;

namespace Bot.Benchmarks.Prototypes;

/// <summary>
/// Proposed for <see cref="AmountTable"/>: the decimal of every streak's charge computed once, and
/// cents per streak (−1 where too large) instead of one all-or-nothing table. Today one unreachable
/// streak (5 × 2^48 €) disables the cents fast path for every member under the default rules.
/// </summary>
internal sealed class ProposedAmounts
{
    public ProposedAmounts(AmountTable table, int maxStreak)
    {
        Decimals = new decimal?[maxStreak + 1];
        Cents = new long[maxStreak + 1];
        for (var streak = 0; streak <= maxStreak; streak++)
        {
            var amount = table[streak];
            Decimals[streak] = amount?.ToDecimal();
            // ≤ long.MaxValue / 64 per week: 53 weeks of them cannot overflow a long.
            Cents[streak] = amount is { } a && a.TryGetCents(out var c) && c <= long.MaxValue / 64 ? c : -1;
        }
    }

    /// <summary>The charge per streak; null when it does not fit a decimal.</summary>
    public decimal?[] Decimals { get; }

    /// <summary>The charge per streak in cents; −1 when it is not a small whole number of cents.</summary>
    public long[] Cents { get; }
}
