using System.Globalization;

namespace Bot.Scoring;

/// <summary>Decimals as exact JSON numbers: no exponent, no trailing zeros.</summary>
public static class DecimalText
{
    private const string Format28 = "0.############################";

    public static string Format(decimal value) => value.ToString(Format28, CultureInfo.InvariantCulture);
}
