using SkiaSharp;

namespace Bot.Pictures;

/// <summary>
/// The typefaces the pictures use, loaded from font files (the Linux native assets carry no font
/// lookup). When no file is found the pictures are still drawn, without text, and one warning says so.
/// </summary>
public sealed class PictureFonts : IDisposable
{
    /// <summary>Regular and bold files, best first: DejaVu (Debian's fonts-dejavu-core), then common others.</summary>
    internal static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
        ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
        (@"C:\Windows\Fonts\arial.ttf", @"C:\Windows\Fonts\arialbd.ttf"),
    ];

    private PictureFonts(SKTypeface regular, SKTypeface bold, string? source)
    {
        Regular = regular;
        Bold = bold;
        Source = source;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>The regular font's file, or null when no font was found (text is then not drawn).</summary>
    public string? Source { get; }

    public bool HasText => Source is not null;

    public static PictureFonts Load(ILogger logger) => Load(Candidates, logger);

    internal static PictureFonts Load(IEnumerable<(string Regular, string Bold)> candidates, ILogger logger)
    {
        var looked = new List<string>();
        foreach (var (regularPath, boldPath) in candidates)
        {
            looked.Add(regularPath);
            if (File.Exists(regularPath) && SKTypeface.FromFile(regularPath) is { } regular)
            {
                var bold = File.Exists(boldPath) ? SKTypeface.FromFile(boldPath) : null;
                return new PictureFonts(regular, bold ?? regular, regularPath);
            }
        }

        PicturesLog.NoFont(logger, string.Join(", ", looked));
        return new PictureFonts(SKTypeface.CreateDefault(), SKTypeface.CreateDefault(), null);
    }

    public void Dispose()
    {
        if (!ReferenceEquals(Bold, Regular))
        {
            Bold.Dispose();
        }

        Regular.Dispose();
    }
}
