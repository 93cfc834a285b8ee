using Bot.Pictures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bot.Tests.Pictures;

/// <summary>Without any font the pictures are still drawn, and one clear warning says how to fix it.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class PictureFontsTests
{
    [Test]
    public void Load_NoFontFile_LogsOneWarningAndTheRendererStillProducesAPicture()
    {
        var logger = new FakeLogger();
        using var fonts = PictureFonts.Load([("/nonexistent/Sans.ttf", "/nonexistent/Sans-Bold.ttf")], logger);

        var rendered = new SeasonPictureRenderer(fonts).Render(PictureSamples.Season());
        using var bitmap = GoldenImages.Decode(rendered.Png);

        Assert.That(fonts.HasText, Is.False);
        Assert.That(logger.Collector.GetSnapshot(), Has.Count.EqualTo(1));
        Assert.That(logger.LatestRecord.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(logger.LatestRecord.Message, Does.Contain("/nonexistent/Sans.ttf").And.Contain("fonts-dejavu-core"));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo(SeasonPictureRenderer.Size(52, 8)));
    }

    [Test]
    public void Load_DefaultCandidates_FindsDejaVuOnThisMachine()
    {
        var logger = new FakeLogger();
        using var fonts = PictureFonts.Load(logger);

        Assert.That(fonts.Source, Does.EndWith("DejaVuSans.ttf"), ".ci/run installs fonts-dejavu-core");
        Assert.That(logger.Collector.GetSnapshot(), Is.Empty);
    }
}
