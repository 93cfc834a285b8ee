using System.Globalization;
using Bot.Texts;
using SkiaSharp;

namespace Bot.Pictures;

/// <summary>
/// Draws the season: a row per member, a cell per week (passed, failed shaded by the amount, joker,
/// in progress, future), the total at the row's end, the pot in the title and a legend below.
/// Labelled in the picture's language. Pure and thread-safe: callers run it on the CPU queue.
/// </summary>
public sealed class SeasonPictureRenderer(PictureFonts fonts, PicturePalette palette)
{
    internal const int Pad = 24;
    internal const int NameWidth = 260;
    internal const int TotalWidth = 150;
    internal const int CellWidth = 18;
    internal const int CellGap = 3;
    internal const int CellHeight = 24;
    internal const int RowHeight = 32;
    internal const int HeaderHeight = 126;
    internal const int LegendHeight = 64;
    private const int TitleSize = 34;
    private const int SubtitleSize = 20;
    private const int WeekLabelSize = 16;
    private const int NameSize = 22;

    public SeasonPictureRenderer(PictureFonts fonts)
        : this(fonts, PicturePalette.Default)
    {
    }

    /// <summary>For the tests: the same picture with anti-aliasing off must still match its golden image.</summary>
    internal bool Antialias { get; init; } = true;

    /// <summary>For the tests: receives every text the renderer draws.</summary>
    internal ICollection<string>? Drawn { get; init; }

    public static (int Width, int Height) Size(int weekCount, int rows) =>
        ((2 * Pad) + NameWidth + GridWidth(weekCount) + TotalWidth, HeaderHeight + (Math.Max(rows, 1) * RowHeight) + LegendHeight + Pad);

    public RenderedPicture Render(SeasonPicture picture)
    {
        var (width, height) = Size(picture.WeekCount, picture.Rows.Count);
        using var canvas = new PictureCanvas(width, height, fonts, Antialias, Drawn);
        canvas.Clear(palette.Background);

        var (currency, language) = (picture.Currency, picture.Language);
        canvas.Text(Catalog.Text(language, "picture.season_title", picture.Season, Formats.Money(language, picture.Pot, currency)), Pad, Pad + TitleSize, TitleSize, palette.Text, bold: true, maxWidth: width - (2 * Pad));
        canvas.Text(Subtitle(picture), Pad, Pad + TitleSize + 12 + SubtitleSize, SubtitleSize, palette.MutedText, maxWidth: width - (2 * Pad));

        var gridLeft = Pad + NameWidth;
        var gridTop = HeaderHeight;
        var labelBaseline = gridTop - 8;
        for (var week = 1; week <= picture.WeekCount; week++)
        {
            if (week == 1 || week % 5 == 0)
            {
                canvas.Text(week.ToString(CultureInfo.InvariantCulture), CellX(gridLeft, week) + (CellWidth / 2f), labelBaseline, WeekLabelSize, palette.MutedText, align: SKTextAlign.Center);
            }
        }

        canvas.Text(Catalog.Text(language, "picture.week"), Pad, labelBaseline, WeekLabelSize, palette.MutedText);
        canvas.Text(Catalog.Text(language, "picture.total"), width - Pad, labelBaseline, WeekLabelSize, palette.MutedText, align: SKTextAlign.Right);

        var maxAmount = picture.Rows.SelectMany(r => r.Cells).Where(c => c.Kind == CellKind.Failed).Select(c => c.Amount).DefaultIfEmpty(0).Max();
        for (var i = 0; i < picture.Rows.Count; i++)
        {
            var row = picture.Rows[i];
            var top = gridTop + (i * RowHeight);
            if (i % 2 == 1)
            {
                canvas.Rect(Pad / 2f, top, width - Pad, RowHeight, palette.StripedRow);
            }

            var baseline = top + (RowHeight / 2f) + (NameSize * 0.36f);
            canvas.Text(row.Name, Pad, baseline, NameSize, palette.Text, maxWidth: NameWidth - 12);
            for (var week = 1; week <= picture.WeekCount; week++)
            {
                var cell = week <= row.Cells.Count ? row.Cells[week - 1] : new PictureCell(CellKind.Future);
                DrawCell(canvas, cell, CellX(gridLeft, week), top + ((RowHeight - CellHeight) / 2f), maxAmount);
            }

            canvas.Text(Formats.Money(language, row.Total, currency), width - Pad, baseline, NameSize, palette.Text, bold: true, align: SKTextAlign.Right, maxWidth: TotalWidth - 8);
        }

        if (picture.Rows.Count == 0)
        {
            canvas.Text(Catalog.Text(language, "picture.nobody"), Pad, gridTop + (RowHeight / 2f) + (NameSize * 0.36f), NameSize, palette.MutedText);
        }

        var noData = picture.Rows.Any(r => r.Cells.Any(c => c.Kind == CellKind.NoData));
        DrawLegend(canvas, gridTop + (Math.Max(picture.Rows.Count, 1) * RowHeight) + 24, maxAmount, currency, noData, language);
        return canvas.Encode();
    }

    internal static int GridWidth(int weekCount) => (weekCount * (CellWidth + CellGap)) - CellGap + 16;

    internal static float CellX(int gridLeft, int week) => gridLeft + ((week - 1) * (CellWidth + CellGap));

    private static string Subtitle(SeasonPicture picture)
    {
        var language = picture.Language;
        var text = Catalog.Text(language, "picture.season_subtitle", Formats.ShortDate(language, picture.AsOf), picture.Rows.Count);
        if (picture.Hidden > 0)
        {
            text += Catalog.Text(language, "picture.hidden", picture.Hidden);
        }

        if (picture.Uncounted > 0)
        {
            text += Catalog.Text(language, "picture.uncounted", picture.Uncounted);
        }

        return text;
    }

    private void DrawCell(PictureCanvas canvas, PictureCell cell, float x, float y, decimal maxAmount)
    {
        switch (cell.Kind)
        {
            case CellKind.NotCounted:
                canvas.RoundRect(x + 0.75f, y + 0.75f, CellWidth - 1.5f, CellHeight - 1.5f, 3, palette.NotCounted, outline: true);
                break;
            case CellKind.NoData:
                canvas.RoundRect(x + 0.75f, y + 0.75f, CellWidth - 1.5f, CellHeight - 1.5f, 3, palette.MutedText, outline: true);
                break;
            case CellKind.Failed:
                canvas.RoundRect(x, y, CellWidth, CellHeight, 3, palette.Failed(cell.Amount, maxAmount));
                break;
            default:
                canvas.RoundRect(x, y, CellWidth, CellHeight, 3, Colour(cell.Kind));
                break;
        }
    }

    private SKColor Colour(CellKind kind) => kind switch
    {
        CellKind.Passed => palette.Passed,
        CellKind.Joker => palette.Joker,
        CellKind.InProgress => palette.InProgress,
        _ => palette.Future,
    };

    private void DrawLegend(PictureCanvas canvas, float top, decimal maxAmount, string currency, bool noData, Language language)
    {
        const int swatch = 20;
        const int size = 18;
        var x = (float)Pad;
        var baseline = top + swatch - 3;
        (string Label, SKColor Colour, bool Outline)[] items =
        [
            (Catalog.Text(language, "picture.passed"), palette.Passed, false),
            (Catalog.Text(language, "picture.joker"), palette.Joker, false),
            (Catalog.Text(language, "picture.in_progress_legend"), palette.InProgress, false),
            (Catalog.Text(language, "picture.future"), palette.Future, false),
            (Catalog.Text(language, "picture.not_counted"), palette.NotCounted, true),
        ];
        if (noData)
        {
            items = [.. items, (Catalog.Text(language, "picture.no_data"), palette.MutedText, true)];
        }

        foreach (var (label, colour, outline) in items)
        {
            canvas.RoundRect(x, top, swatch, swatch, 3, colour, outline);
            canvas.Text(label, x + swatch + 8, baseline, size, palette.MutedText);
            x += swatch + 8 + (label.Length > 8 ? 124 : 84);
        }

        // The failed scale: light for the smallest amount, dark for the largest in this season.
        for (var step = 0; step < 5; step++)
        {
            canvas.RoundRect(x + (step * (swatch + 2)), top, swatch, swatch, 3, palette.Failed(maxAmount * step / 4, maxAmount));
        }

        x += (5 * (swatch + 2)) + 6;
        var range = maxAmount > 0
            ? Catalog.Text(language, "picture.failed_up_to", Formats.Money(language, maxAmount, currency))
            : Catalog.Text(language, "picture.failed");
        canvas.Text(range, x, baseline, size, palette.MutedText);
    }
}
