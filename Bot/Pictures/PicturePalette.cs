using SkiaSharp;

namespace Bot.Pictures;

/// <summary>
/// The pictures' colours. The card is a mid-dark slate, so the picture reads the same on Discord's
/// dark theme (a slightly lighter card) and its light theme (a dark card on white); the status
/// colours are bright enough on the slate and differ in lightness as well as hue.
/// </summary>
public sealed record PicturePalette(
    SKColor Background,
    SKColor StripedRow,
    SKColor Text,
    SKColor MutedText,
    SKColor Passed,
    SKColor FailedLight,
    SKColor FailedDark,
    SKColor Joker,
    SKColor InProgress,
    SKColor Future,
    SKColor NotCounted,
    SKColor RequiredLine)
{
    public static PicturePalette Default { get; } = new(
        Background: new SKColor(0x2B, 0x30, 0x3A),
        StripedRow: new SKColor(0x33, 0x39, 0x45),
        Text: new SKColor(0xF2, 0xF3, 0xF5),
        MutedText: new SKColor(0xB5, 0xBA, 0xC1),
        Passed: new SKColor(0x3B, 0xA5, 0x5C),
        FailedLight: new SKColor(0xFF, 0xA8, 0x9E),
        FailedDark: new SKColor(0xC6, 0x28, 0x28),
        Joker: new SKColor(0xF0, 0xB2, 0x32),
        InProgress: new SKColor(0x58, 0x65, 0xF2),
        Future: new SKColor(0x4A, 0x50, 0x5C),
        NotCounted: new SKColor(0x6A, 0x70, 0x7C),
        RequiredLine: new SKColor(0xF2, 0xF3, 0xF5));

    /// <summary>A failed week's colour: light for the smallest amount, dark for the largest in the picture.</summary>
    public SKColor Failed(decimal amount, decimal maxAmount)
    {
        var t = maxAmount <= 0 ? 1f : (float)Math.Clamp(amount / maxAmount, 0m, 1m);
        return new SKColor(
            Lerp(FailedLight.Red, FailedDark.Red, t),
            Lerp(FailedLight.Green, FailedDark.Green, t),
            Lerp(FailedLight.Blue, FailedDark.Blue, t));
    }

    private static byte Lerp(byte from, byte to, float t) => (byte)Math.Round(from + ((to - from) * t));
}
