using System.Diagnostics;
using Bot.Threading;

namespace Bot.Pictures;

/// <summary>Renders pictures on the CPU threads (never the thread pool); null when that queue is full.</summary>
public sealed class PictureService(PictureFonts fonts, ICpuWorkQueue cpu, ILogger<PictureService> logger)
{
    private readonly SeasonPictureRenderer _season = new(fonts);
    private readonly WeekPictureRenderer _week = new(fonts);

    public Task<RenderedPicture>? TryRenderSeasonAsync(SeasonPicture picture, CancellationToken cancellationToken = default) =>
        cpu.TryRunAsync(() => Timed("season", () => _season.Render(picture)), cancellationToken);

    public Task<RenderedPicture>? TryRenderWeekAsync(WeekPicture picture, CancellationToken cancellationToken = default) =>
        cpu.TryRunAsync(() => Timed("week", () => _week.Render(picture)), cancellationToken);

    private RenderedPicture Timed(string name, Func<RenderedPicture> render)
    {
        var started = Stopwatch.GetTimestamp();
        var picture = render();
        PicturesLog.Rendered(logger, name, picture.Width, picture.Height, picture.Png.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return picture;
    }
}
