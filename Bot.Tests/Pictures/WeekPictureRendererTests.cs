using Bot.Pictures;
using Bot.Scoring;
using Bot.Texts;

namespace Bot.Tests.Pictures;

/// <summary>The week picture: bars per member against the required line, checked against its golden image.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class WeekPictureRendererTests : PictureFontsFixture
{
    private const string Golden = "week.png";
    [Test]
    public void Render_Sample_MatchesTheGoldenImageWithOrWithoutAntialiasing()
    {
        var png = new WeekPictureRenderer(Fonts).Render(PictureSamples.Week()).Png;
        using var golden = GoldenImages.Load(Golden, png);
        using var actual = GoldenImages.Decode(png);
        using var aliased = GoldenImages.Decode(new WeekPictureRenderer(Fonts) { Antialias = false }.Render(PictureSamples.Week()).Png);

        Assert.That(ImageDiff.Compare(golden, actual).Matches, Is.True, ImageDiff.Compare(golden, actual).ToString());
        Assert.That(ImageDiff.Compare(golden, aliased).Matches, Is.True, ImageDiff.Compare(golden, aliased).ToString());
    }

    [Test]
    public void Render_WrongJokerColourOrMissingBar_DoesNotMatchTheGoldenImage()
    {
        var sample = PictureSamples.Week();
        using var golden = GoldenImages.Load(Golden, new WeekPictureRenderer(Fonts).Render(sample).Png);
        using var wrongColour = GoldenImages.Decode(new WeekPictureRenderer(Fonts, PicturePalette.Default with { Passed = PicturePalette.Default.Joker }).Render(sample).Png);
        // Same number of rows, but the top member scored nothing: the bar must be missed.
        var noBar = sample with { Bars = [.. sample.Bars.Select((b, i) => i == 0 ? b with { Points = 0 } : b)] };
        using var missing = GoldenImages.Decode(new WeekPictureRenderer(Fonts).Render(noBar).Png);

        Assert.That(ImageDiff.Compare(golden, wrongColour).Matches, Is.False);
        Assert.That(ImageDiff.Compare(golden, missing).Matches, Is.False);
    }

    [Test]
    public void Render_Bars_AreLongerForMorePointsAndTheRequiredLineSitsAtTheRequiredPoints()
    {
        var sample = PictureSamples.Week();
        using var bitmap = GoldenImages.Decode(new WeekPictureRenderer(Fonts).Render(sample).Png);
        var bars = WeekPictureRenderer.Ordered(sample.Bars);
        var scale = 14 * 1.1f;

        for (var i = 0; i < bars.Count; i++)
        {
            var y = WeekPictureRenderer.HeaderHeight + (i * WeekPictureRenderer.RowHeight) + (WeekPictureRenderer.RowHeight / 2);
            var end = WeekPictureRenderer.Pad + WeekPictureRenderer.NameWidth + (int)(Math.Max(bars[i].Points / scale * WeekPictureRenderer.BarAreaWidth, 3));
            var inside = bitmap.GetPixel(end - 2, y);
            var after = bitmap.GetPixel(end + 3, y);
            var background = i % 2 == 1 ? PicturePalette.Default.StripedRow : PicturePalette.Default.Background;

            Assert.That(inside, Is.Not.EqualTo(background), $"{bars[i].Name}: the bar reaches {bars[i].Points} points");
            if (Math.Abs(end + 3 - RequiredX(sample.PointsRequired, scale)) > 3)
            {
                Assert.That(after, Is.EqualTo(background), $"{bars[i].Name}: the bar stops at {bars[i].Points} points");
            }
        }

        var lineX = RequiredX(sample.PointsRequired, scale);
        var brightest = Enumerable.Range(lineX - 1, 3).Max(x => bitmap.GetPixel(x, WeekPictureRenderer.HeaderHeight - 3).Red);
        var beside = bitmap.GetPixel(lineX + 8, WeekPictureRenderer.HeaderHeight - 3);
        Assert.That(brightest, Is.GreaterThan(200), "the dashed required line at 10 points");
        Assert.That(beside, Is.EqualTo(PicturePalette.Default.Background), "and only there");
    }

    [Test]
    public void Render_NoBars_StillDrawsAPicture()
    {
        var rendered = new WeekPictureRenderer(Fonts).Render(PictureSamples.Week() with { Bars = [] });
        using var bitmap = GoldenImages.Decode(rendered.Png);

        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo(WeekPictureRenderer.Size(0)));
    }

    [TestCase(Language.German, "Woche 12 · Saison 2026 · läuft noch", "2,5 Punkte gefordert · 5 Mitglied(er) gezeigt · 1 nicht gezeigt (keine Zustimmung zu Berichten)",
        "7/2,5 · 2,00 €", "0/2,5 · Joker", "gefordert 2,5", "nicht geschafft (dunkler: schuldet mehr)")]
    [TestCase(Language.English, "Week 12 · season 2026 · in progress", "2.5 points required · 5 member(s) shown · 1 not shown (no consent to reports)",
        "7/2.5 · 2.00 €", "0/2.5 · joker", "required 2.5", "failed (darker: owes more)")]
    public void Render_PictureLanguage_TitleSubtitleBarLabelsRequiredLineAndLegendInIt(
        Language language, string title, string subtitle, string failed, string joker, string required, string legend)
    {
        var drawn = new List<string>();

        new WeekPictureRenderer(Fonts) { Drawn = drawn }.Render(PictureSamples.Week() with { Language = language, InProgress = true, PointsRequired = 2.5m });

        Assert.That(drawn.Take(2), Is.EqualTo(new[] { title, subtitle }));
        Assert.That(drawn, Does.Contain(failed).And.Contain(joker).And.Contain(required).And.Contain(legend));
    }

    [Test]
    public void Ordered_Bars_MostPointsFirstThenByName()
    {
        var ordered = WeekPictureRenderer.Ordered([new WeekBar("b", 3, WeekStatus.Failed, 2), new WeekBar("c", 9, WeekStatus.Passed, 0), new WeekBar("a", 3, WeekStatus.Failed, 2)]);

        Assert.That(ordered.Select(b => b.Name), Is.EqualTo(new[] { "c", "a", "b" }));
    }

    private static int RequiredX(decimal required, float scale) =>
        WeekPictureRenderer.Pad + WeekPictureRenderer.NameWidth + (int)Math.Round((float)required / scale * WeekPictureRenderer.BarAreaWidth);
}
