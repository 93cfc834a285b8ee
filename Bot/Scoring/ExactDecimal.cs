using System.Numerics;

namespace Bot.Scoring;

/// <summary>A non-negative decimal of any size: coefficient × 10^−scale.</summary>
internal readonly record struct ExactDecimal(BigInteger Coefficient, int Scale)
{
    private const int MaxDecimalScale = 28;

    public static ExactDecimal From(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var coefficient = new BigInteger((uint)bits[0])
            | (new BigInteger((uint)bits[1]) << 32)
            | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        return new ExactDecimal(value < 0 ? -coefficient : coefficient, scale);
    }

    /// <summary>Whether .NET decimal holds this value exactly.</summary>
    public bool Fits
    {
        get
        {
            var normal = Normalized();
            return normal.Scale <= MaxDecimalScale && AmountTable.CoefficientFits(BigInteger.Abs(normal.Coefficient));
        }
    }

    public ExactDecimal Normalized()
    {
        var coefficient = Coefficient;
        var scale = Scale;
        while (scale > 0 && !coefficient.IsZero && coefficient % 10 == 0)
        {
            coefficient /= 10;
            scale--;
        }

        return coefficient.IsZero ? new ExactDecimal(BigInteger.Zero, 0) : new ExactDecimal(coefficient, scale);
    }

    public int CompareTo(ExactDecimal other)
    {
        var scale = Math.Max(Scale, other.Scale);
        return Rescale(scale).CompareTo(other.Rescale(scale));
    }

    public ExactDecimal Add(ExactDecimal other)
    {
        var scale = Math.Max(Scale, other.Scale);
        return new ExactDecimal(Rescale(scale) + other.Rescale(scale), scale);
    }

    public bool TryGetCents(out long cents)
    {
        cents = 0;
        if (Scale > 2)
        {
            return false;
        }

        var scaled = Rescale(2);
        if (scaled > long.MaxValue)
        {
            return false;
        }

        cents = (long)scaled;
        return true;
    }

    /// <summary>The decimal value; call only when <see cref="Fits"/>.</summary>
    public decimal ToDecimal()
    {
        var normal = Normalized();
        var magnitude = BigInteger.Abs(normal.Coefficient);
        var low = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var high = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(low, mid, high, normal.Coefficient.Sign < 0, (byte)normal.Scale);
    }

    private BigInteger Rescale(int scale) => Coefficient * BigInteger.Pow(10, scale - Scale);
}
