using System.Globalization;

namespace Bot.Scoring;

/// <summary>Amounts as people read them: two decimals (more only when a cap has more), then the currency.</summary>
internal static class Money
{
    public static string Format(decimal amount, string currency) =>
        $"{amount.ToString("#,0.00############", CultureInfo.InvariantCulture)} {currency}";
}
