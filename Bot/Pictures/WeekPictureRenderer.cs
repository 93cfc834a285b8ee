using System.Globalization;
using Bot.Scoring;
using Bot.Texts;
using SkiaSharp;

namespace Bot.Pictures;

/// <summary>
/// Draws one week: a bar of points per member (highest first), coloured by the week's status, with
/// the required points as a dashed line, labelled in the picture's language. Pure and thread-safe: callers run it on
/// the CPU queue.
/// </summary>
public sealed class WeekPictureRenderer(PictureFonts fonts, PicturePalette palette)
{
    internal const int Pad = 24;
    internal const int NameWidth = 260;
    internal const int BarAreaWidth = 760;
    internal const int LabelWidth = 240;
    internal const int RowHeight = 36;
    internal const int BarHeight = 24;
    internal const int HeaderHeight = 130;
    internal const int LegendHeight = 56;
    private const int TitleSize = 34;
    private const int SubtitleSize = 20;
    private const int NameSize = 22;

    public WeekPictureRenderer(PictureFonts fonts)
        : this(fonts, PicturePalette.Default)
    {
    }

    internal bool Antialias { get; init; } = true;

    /// <summary>For the tests: receives every text the renderer draws.</summary>
    internal ICollection<string>? Drawn { get; init; }

    public static (int Width, int Height) Size(int bars) =>
        ((2 * Pad) + NameWidth + BarAreaWidth + LabelWidth, HeaderHeight + (Math.Max(bars, 1) * RowHeight) + LegendHeight + Pad);

    /// <summary>The bars in the order they are drawn: most points first, then by name.</summary>
    public static IReadOnlyList<WeekBar> Ordered(IEnumerable<WeekBar> bars) =>
        [.. bars.OrderByDescending(b => b.Points).ThenBy(b => b.Name, StringComparer.Ordinal)];

    public RenderedPicture Render(WeekPicture picture)
    {
        var bars = Ordered(picture.Bars);
        var (width, height) = Size(bars.Count);
        using var canvas = new PictureCanvas(width, height, fonts, Antialias, Drawn);
        canvas.Clear(palette.Background);

        var language = picture.Language;
        var progress = picture.InProgress ? Catalog.Text(language, "picture.in_progress") : "";
        canvas.Text(Catalog.Text(language, "week.title", picture.Week, picture.Season) + progress, Pad, Pad + TitleSize, TitleSize, palette.Text, bold: true, maxWidth: width - (2 * Pad));
        var required = Formats.Number(language, picture.PointsRequired);
        var hidden = picture.Hidden > 0 ? Catalog.Text(language, "picture.hidden", picture.Hidden) : "";
        canvas.Text(Catalog.Text(language, "picture.week_subtitle", required, bars.Count) + hidden,
            Pad, Pad + TitleSize + 12 + SubtitleSize, SubtitleSize, palette.MutedText, maxWidth: width - (2 * Pad));

        var barLeft = Pad + NameWidth;
        var top = HeaderHeight;
        var scale = (float)Math.Max(1m, Math.Max(picture.PointsRequired, bars.Count == 0 ? 0 : bars.Max(b => b.Points)) * 1.1m);
        var maxAmount = bars.Where(b => b.Status == WeekStatus.Failed).Select(b => b.Amount).DefaultIfEmpty(0).Max();
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var rowTop = top + (i * RowHeight);
            if (i % 2 == 1)
            {
                canvas.Rect(Pad / 2f, rowTop, width - Pad, RowHeight, palette.StripedRow);
            }

            var baseline = rowTop + (RowHeight / 2f) + (NameSize * 0.36f);
            canvas.Text(bar.Name, Pad, baseline, NameSize, palette.Text, maxWidth: NameWidth - 12);
            var length = Math.Max(bar.Points / scale * BarAreaWidth, 3);
            canvas.RoundRect(barLeft, rowTop + ((RowHeight - BarHeight) / 2f), length, BarHeight, 4, Colour(bar, maxAmount));
            canvas.Text(Label(bar, required, picture.Currency, language), barLeft + BarAreaWidth + 12, baseline, NameSize, palette.Text, maxWidth: LabelWidth - 12);
        }

        if (bars.Count == 0)
        {
            canvas.Text(Catalog.Text(language, "picture.nobody"), Pad, top + (RowHeight / 2f) + (NameSize * 0.36f), NameSize, palette.MutedText);
        }

        var bottom = top + (Math.Max(bars.Count, 1) * RowHeight);
        var lineX = barLeft + ((float)picture.PointsRequired / scale * BarAreaWidth);
        canvas.Line(lineX, top - 6, lineX, bottom + 4, palette.RequiredLine, 2, dash: 6);
        canvas.Text(Catalog.Text(language, "picture.required", required), lineX, top - 10, 16, palette.MutedText, align: SKTextAlign.Center);
        DrawLegend(canvas, bottom + 20, picture.Bars.Any(b => b.Status == WeekStatus.NoData), language);
        return canvas.Encode();
    }

    private SKColor Colour(WeekBar bar, decimal maxAmount) => bar.Status switch
    {
        WeekStatus.Passed => palette.Passed,
        WeekStatus.Failed => palette.Failed(bar.Amount, maxAmount),
        WeekStatus.Joker => palette.Joker,
        WeekStatus.NoData => palette.Future,
        _ => palette.InProgress,
    };

    private static string Label(WeekBar bar, string required, string currency, Language language) => bar.Status switch
    {
        WeekStatus.Failed => string.Create(CultureInfo.InvariantCulture, $"{bar.Points}/{required} · {Formats.Money(language, bar.Amount, currency)}"),
        WeekStatus.Joker => string.Create(CultureInfo.InvariantCulture, $"{bar.Points}/{required} · {Catalog.Text(language, "picture.joker")}"),
        WeekStatus.NoData when bar.State == MemberState.Syncing => $"?/{required} · {Catalog.Text(language, "picture.syncing")}",
        WeekStatus.NoData => string.Create(CultureInfo.InvariantCulture, $"{bar.Points}/{required} · {Catalog.Text(language, "picture.no_data")}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bar.Points}/{required}"),
    };

    private void DrawLegend(PictureCanvas canvas, float top, bool noData, Language language)
    {
        const int swatch = 20;
        var x = (float)Pad;
        (string Label, SKColor Colour)[] items =
        [
            (Catalog.Text(language, "picture.passed"), palette.Passed),
            (Catalog.Text(language, "picture.failed_darker"), palette.FailedDark),
            (Catalog.Text(language, "picture.joker"), palette.Joker),
            (Catalog.Text(language, "picture.in_progress_legend"), palette.InProgress),
        ];
        if (noData)
        {
            items = [.. items, (Catalog.Text(language, "picture.no_data"), palette.Future)];
        }

        foreach (var (label, colour) in items)
        {
            canvas.RoundRect(x, top, swatch, swatch, 3, colour);
            canvas.Text(label, x + swatch + 8, top + swatch - 3, 18, palette.MutedText);
            // Fixed steps keep the English layout of the golden image; only a longer (German) label takes more room.
            x += swatch + 8 + (label.Length > 12 ? Math.Max(270, label.Length * 10) : 124);
        }
    }
}
