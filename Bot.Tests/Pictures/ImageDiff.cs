using SkiaSharp;

namespace Bot.Tests.Pictures;

/// <summary>
/// Compares two pictures the way a reader sees them, not pixel by pixel: both are cut into 16×16
/// blocks and a block differs when its mean colour is more than <see cref="ChannelTolerance"/> off in
/// any channel. Glyph shapes (a font or anti-aliasing change) move a few pixels inside blocks and
/// barely change their means; a wrong cell colour or a missing row changes whole blocks.
/// </summary>
internal sealed record ImageDiff(bool SameSize, int Blocks, int DifferentBlocks, double MaxDifference)
{
    public const int BlockSize = 16;
    public const double ChannelTolerance = 40;

    /// <summary>At most this share of blocks may differ (1%: a few words of text, never a row of cells).</summary>
    public const double AllowedShare = 0.01;

    public double DifferentShare => Blocks == 0 ? 1 : (double)DifferentBlocks / Blocks;

    public bool Matches => SameSize && DifferentShare <= AllowedShare;

    public static ImageDiff Compare(SKBitmap expected, SKBitmap actual, int blockSize = BlockSize, double tolerance = ChannelTolerance)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            return new ImageDiff(false, 0, 0, double.PositiveInfinity);
        }

        var blocks = 0;
        var different = 0;
        var max = 0.0;
        for (var by = 0; by < expected.Height; by += blockSize)
        {
            for (var bx = 0; bx < expected.Width; bx += blockSize)
            {
                var a = Mean(expected, bx, by, blockSize);
                var b = Mean(actual, bx, by, blockSize);
                var difference = Math.Max(Math.Abs(a.R - b.R), Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B)));
                max = Math.Max(max, difference);
                blocks++;
                different += difference > tolerance ? 1 : 0;
            }
        }

        return new ImageDiff(true, blocks, different, max);
    }

    public override string ToString() =>
        SameSize ? $"{DifferentBlocks} of {Blocks} blocks differ ({DifferentShare:P2}, allowed {AllowedShare:P0}); largest difference {MaxDifference:0}" : "sizes differ";

    private static (double R, double G, double B) Mean(SKBitmap bitmap, int x0, int y0, int blockSize)
    {
        double r = 0, g = 0, b = 0;
        var n = 0;
        for (var y = y0; y < Math.Min(y0 + blockSize, bitmap.Height); y++)
        {
            for (var x = x0; x < Math.Min(x0 + blockSize, bitmap.Width); x++)
            {
                var colour = bitmap.GetPixel(x, y);
                r += colour.Red;
                g += colour.Green;
                b += colour.Blue;
                n++;
            }
        }

        return (r / n, g / n, b / n);
    }
}
