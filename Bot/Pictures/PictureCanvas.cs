using SkiaSharp;

namespace Bot.Pictures;

/// <summary>
/// One opaque drawing surface with the pictures' text helpers, encoded to PNG at the end. Text
/// never decides the layout (columns have fixed widths, long names are shortened), so a different
/// font moves no cell: the golden-image tests rely on that.
/// </summary>
internal sealed class PictureCanvas : IDisposable
{
    private const string Ellipsis = "…";
    private readonly SKSurface _surface;
    private readonly PictureFonts _fonts;
    private readonly bool _antialias;
    private readonly SKPaint _fill;
    private readonly Dictionary<(bool Bold, float Size), SKFont> _fontCache = [];
    private readonly ICollection<string>? _drawn;

    /// <param name="drawn">For the tests: receives every text drawn, as given (before shortening), to read the labels without OCR.</param>
    public PictureCanvas(int width, int height, PictureFonts fonts, bool antialias, ICollection<string>? drawn = null)
    {
        _drawn = drawn;
        Width = width;
        Height = height;
        _fonts = fonts;
        _antialias = antialias;
        _surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new InvalidOperationException($"cannot create a {width}x{height} drawing surface");
        _fill = new SKPaint { IsAntialias = antialias, Style = SKPaintStyle.Fill };
    }

    // Flat colours compress well with one cheap filter; trying every filter per row took 2.5× as long
    // for a 50 × 53 season (≈180 ms against ≈70 ms) to save a fifth of a 0.3 MB file.
    private static readonly SKPngEncoderOptions Png = new(SKPngEncoderFilterFlags.Sub, 3);

    public int Width { get; }

    public int Height { get; }

    public SKCanvas Canvas => _surface.Canvas;

    public void Clear(SKColor color) => Canvas.Clear(color);

    public void Rect(float x, float y, float width, float height, SKColor color)
    {
        _fill.Color = color;
        _fill.Style = SKPaintStyle.Fill;
        Canvas.DrawRect(x, y, width, height, _fill);
    }

    public void RoundRect(float x, float y, float width, float height, float radius, SKColor color, bool outline = false)
    {
        _fill.Color = color;
        _fill.Style = outline ? SKPaintStyle.Stroke : SKPaintStyle.Fill;
        _fill.StrokeWidth = outline ? 1.5f : 0;
        Canvas.DrawRoundRect(x, y, width, height, radius, radius, _fill);
        _fill.Style = SKPaintStyle.Fill;
    }

    public void Line(float x0, float y0, float x1, float y1, SKColor color, float width, float dash = 0)
    {
        using var paint = new SKPaint { IsAntialias = _antialias, Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke };
        using var effect = dash > 0 ? SKPathEffect.CreateDash([dash, dash], 0) : null;
        paint.PathEffect = effect;
        Canvas.DrawLine(x0, y0, x1, y1, paint);
    }

    /// <summary>Draws text at a baseline, shortened with an ellipsis to <paramref name="maxWidth"/> when given.</summary>
    public void Text(string text, float x, float baseline, float size, SKColor color, bool bold = false, SKTextAlign align = SKTextAlign.Left, float maxWidth = 0)
    {
        _drawn?.Add(text);
        if (!_fonts.HasText || text.Length == 0)
        {
            return;
        }

        var font = Font(bold, size);
        if (maxWidth > 0)
        {
            text = Fit(text, font, maxWidth);
        }

        _fill.Color = color;
        Canvas.DrawText(text, x, baseline, align, font, _fill);
    }

    public RenderedPicture Encode()
    {
        Canvas.Flush();
        using var pixmap = _surface.PeekPixels();
        using var data = pixmap.Encode(Png)
            ?? throw new InvalidOperationException("PNG encoding failed");
        return new RenderedPicture(data.ToArray(), Width, Height);
    }

    public void Dispose()
    {
        foreach (var font in _fontCache.Values)
        {
            font.Dispose();
        }

        _fill.Dispose();
        _surface.Dispose();
    }

    private SKFont Font(bool bold, float size)
    {
        if (!_fontCache.TryGetValue((bold, size), out var font))
        {
            font = new SKFont(bold ? _fonts.Bold : _fonts.Regular, size)
            {
                Edging = _antialias ? SKFontEdging.Antialias : SKFontEdging.Alias,
                Subpixel = _antialias,
            };
            _fontCache[(bold, size)] = font;
        }

        return font;
    }

    private static string Fit(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && font.MeasureText(string.Concat(text.AsSpan(0, length).TrimEnd(), Ellipsis)) > maxWidth)
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length).TrimEnd(), Ellipsis);
    }
}
