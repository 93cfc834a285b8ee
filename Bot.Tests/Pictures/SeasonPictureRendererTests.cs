using Bot.Pictures;
using Bot.Texts;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace Bot.Tests.Pictures;

/// <summary>The season picture against its golden image: tolerant of fonts and anti-aliasing, not of colours or rows.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class SeasonPictureRendererTests : PictureFontsFixture
{
    private const string Golden = "season.png";
    [Test]
    public void Render_Sample_MatchesTheGoldenImage()
    {
        Assert.That(Fonts.HasText, Is.True, "the golden images are drawn with DejaVu Sans (apt-get install fonts-dejavu-core)");
        var png = new SeasonPictureRenderer(Fonts).Render(PictureSamples.Season()).Png;

        using var golden = GoldenImages.Load(Golden, png);
        using var actual = GoldenImages.Decode(png);
        var diff = ImageDiff.Compare(golden, actual);

        Assert.That(diff.Matches, Is.True, diff.ToString());
    }

    [Test]
    public void Render_WithoutAntialiasing_StillMatchesTheGoldenImage()
    {
        using var golden = GoldenImages.Load(Golden, new SeasonPictureRenderer(Fonts).Render(PictureSamples.Season()).Png);
        using var actual = GoldenImages.Decode(new SeasonPictureRenderer(Fonts) { Antialias = false }.Render(PictureSamples.Season()).Png);

        var diff = ImageDiff.Compare(golden, actual);

        Assert.That(diff.Matches, Is.True, diff.ToString());
        Assert.That(diff.MaxDifference, Is.GreaterThan(0), "anti-aliasing off must change some pixels, or this test proves nothing");
    }

    [TestCase("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf")]
    [TestCase("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")]
    public void Render_WithAnotherFont_StillMatchesTheGoldenImage(string regular, string bold)
    {
        const string folder = "/usr/share/fonts/truetype/dejavu/";
        using var other = PictureFonts.Load([(folder + regular, folder + bold)], NullLogger.Instance);
        Assert.That(other.HasText, Is.True, $"{regular} comes with fonts-dejavu-core");
        using var golden = GoldenImages.Load(Golden, new SeasonPictureRenderer(Fonts).Render(PictureSamples.Season()).Png);
        using var actual = GoldenImages.Decode(new SeasonPictureRenderer(other).Render(PictureSamples.Season()).Png);

        var diff = ImageDiff.Compare(golden, actual);

        Assert.That(diff.Matches, Is.True, diff.ToString());
        Assert.That(diff.MaxDifference, Is.GreaterThan(10), "another font must change some pixels, or this test proves nothing");
    }

    [Test]
    public void Render_WrongPassedColour_DoesNotMatchTheGoldenImage()
    {
        var wrong = PicturePalette.Default with { Passed = new SKColor(0x3B, 0x5C, 0xA5) };
        using var golden = GoldenImages.Load(Golden, new SeasonPictureRenderer(Fonts).Render(PictureSamples.Season()).Png);
        using var actual = GoldenImages.Decode(new SeasonPictureRenderer(Fonts, wrong).Render(PictureSamples.Season()).Png);

        Assert.That(ImageDiff.Compare(golden, actual).Matches, Is.False);
    }

    [Test]
    public void Render_FailedWeeksNotShaded_DoesNotMatchTheGoldenImage()
    {
        // Every failed week in the darkest red: the shading by amount is part of what the golden image checks.
        var flat = PicturePalette.Default with { FailedLight = PicturePalette.Default.FailedDark };
        using var golden = GoldenImages.Load(Golden, new SeasonPictureRenderer(Fonts).Render(PictureSamples.Season()).Png);
        using var actual = GoldenImages.Decode(new SeasonPictureRenderer(Fonts, flat).Render(PictureSamples.Season()).Png);

        Assert.That(ImageDiff.Compare(golden, actual).Matches, Is.False);
    }

    [Test]
    public void Render_MissingRow_DoesNotMatchTheGoldenImage()
    {
        var sample = PictureSamples.Season();
        using var golden = GoldenImages.Load(Golden, new SeasonPictureRenderer(Fonts).Render(sample).Png);
        using var shorter = GoldenImages.Decode(new SeasonPictureRenderer(Fonts).Render(sample with { Rows = [.. sample.Rows.Take(sample.Rows.Count - 1)] }).Png);
        // Same size, one member's weeks gone: the comparison must see it, not only the height.
        var blank = sample.Rows[3] with { Cells = [.. sample.Rows[3].Cells.Select(_ => new PictureCell(CellKind.Future))] };
        using var emptied = GoldenImages.Decode(new SeasonPictureRenderer(Fonts).Render(sample with { Rows = [.. sample.Rows.Select((r, i) => i == 3 ? blank : r)] }).Png);

        Assert.That(ImageDiff.Compare(golden, shorter).Matches, Is.False);
        Assert.That(ImageDiff.Compare(golden, emptied).Matches, Is.False);
    }

    [Test]
    public void Render_FiftyMembersFiftyThreeWeeks_DecodesAsPngOfTheExpectedSize()
    {
        var picture = PictureSamples.Season(members: 50, weekCount: 53, currentWeek: 53);

        var rendered = new SeasonPictureRenderer(Fonts).Render(picture);
        using var bitmap = GoldenImages.Decode(rendered.Png);
        var (width, height) = SeasonPictureRenderer.Size(53, 50);

        Assert.That(rendered.Png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((width, height)));
        Assert.That((rendered.Width, rendered.Height), Is.EqualTo((width, height)));
        Assert.That(height, Is.EqualTo(SeasonPictureRenderer.HeaderHeight + (50 * SeasonPictureRenderer.RowHeight) + SeasonPictureRenderer.LegendHeight + SeasonPictureRenderer.Pad));
    }

    [Test]
    public void Render_CellColours_AreThePaletteColoursOfEachWeek()
    {
        var sample = PictureSamples.Season();
        using var bitmap = GoldenImages.Decode(new SeasonPictureRenderer(Fonts).Render(sample).Png);
        var palette = PicturePalette.Default;
        var maxAmount = sample.Rows.SelectMany(r => r.Cells).Where(c => c.Kind == CellKind.Failed).Max(c => c.Amount);
        for (var row = 0; row < sample.Rows.Count; row++)
        {
            foreach (var week in new[] { 3, 10, 17, 29, 30, 31, 52 })
            {
                var cell = sample.Rows[row].Cells[week - 1];
                var expected = cell.Kind switch
                {
                    CellKind.Passed => palette.Passed,
                    CellKind.Failed => palette.Failed(cell.Amount, maxAmount),
                    CellKind.Joker => palette.Joker,
                    CellKind.InProgress => palette.InProgress,
                    _ => palette.Future,
                };
                var x = (int)SeasonPictureRenderer.CellX(SeasonPictureRenderer.Pad + SeasonPictureRenderer.NameWidth, week) + (SeasonPictureRenderer.CellWidth / 2);
                var y = SeasonPictureRenderer.HeaderHeight + (row * SeasonPictureRenderer.RowHeight) + (SeasonPictureRenderer.RowHeight / 2);

                Assert.That(bitmap.GetPixel(x, y), Is.EqualTo(expected), $"row {row}, week {week}: {cell.Kind}");
            }
        }
    }

    [Test]
    public void Render_GermanPicture_TitleSubtitleColumnsTotalsAndLegendInGerman()
    {
        var sample = PictureSamples.Season() with { Pot = 1234.5m, Uncounted = 1, Language = Language.German };
        var drawn = new List<string>();

        new SeasonPictureRenderer(Fonts) { Drawn = drawn }.Render(sample);

        Assert.That(drawn.Take(2), Is.EqualTo(new[]
        {
            "Saison 2026 · Topf 1.234,50 €",
            "Stand 22.07.2026 · 8 Mitglied(er) gezeigt · 2 nicht gezeigt (keine Zustimmung zu Berichten) · 1 nicht genau zählbar",
        }));
        Assert.That(drawn, Is.SupersetOf(new[] { "Woche", "Summe", "geschafft", "Joker", "läuft noch", "kommt noch", "zählt nicht", "nicht geschafft, bis 8,00 €" }));
        Assert.That(drawn, Has.Some.Matches(@"^\d+,\d\d €$"), "the row totals");
        Assert.That(drawn, Has.None.Matches("passed|season|total|week|future|pot"), "no English label left");
    }
}
