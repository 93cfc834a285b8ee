using Bot.Pictures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Pictures;

/// <summary>The picture fonts, loaded once for a fixture that draws (loading them reads the font files).</summary>
public abstract class PictureFontsFixture
{
    private protected PictureFonts Fonts { get; private set; } = null!;

    [OneTimeSetUp]
    public void LoadFonts() => Fonts = PictureFonts.Load(NullLogger.Instance);

    [OneTimeTearDown]
    public void DisposeFonts() => Fonts.Dispose();
}
