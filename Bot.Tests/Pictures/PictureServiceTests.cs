using Bot.Pictures;
using Bot.Threading;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Pictures;

/// <summary>Pictures are drawn on the CPU threads, and a full CPU queue is an answer, not a wait.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class PictureServiceTests
{
    [Test]
    public async Task TryRenderSeason_RealCpuQueue_DrawsOnACpuWorkerThread()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 4);
        var queue = new ThreadRecordingQueue(new CpuWorkQueue(scheduler, NullLogger<CpuWorkQueue>.Instance, TimeProvider.System));
        using var fonts = PictureFonts.Load(NullLogger.Instance);
        var service = new PictureService(fonts, queue, NullLogger<PictureService>.Instance);

        var season = await service.TryRenderSeasonAsync(PictureSamples.Season())!;
        var week = await service.TryRenderWeekAsync(PictureSamples.Week())!;

        Assert.That(queue.Threads, Has.Count.EqualTo(2));
        Assert.That(queue.Threads, Is.All.StartsWith("cpu-worker-"));
        Assert.That((season.Width, week.Width), Is.EqualTo((SeasonPictureRenderer.Size(52, 8).Width, WeekPictureRenderer.Size(5).Width)));
    }

    [Test]
    public void TryRenderSeason_FullQueue_ReturnsNullAtOnce()
    {
        using var fonts = PictureFonts.Load(NullLogger.Instance);
        var service = new PictureService(fonts, new RefusingQueue(), NullLogger<PictureService>.Instance);

        Assert.That(service.TryRenderSeasonAsync(PictureSamples.Season()), Is.Null);
        Assert.That(service.TryRenderWeekAsync(PictureSamples.Week()), Is.Null);
    }

    private sealed class ThreadRecordingQueue(ICpuWorkQueue inner) : ICpuWorkQueue
    {
        public List<string> Threads { get; } = [];

        public Task<T>? TryRunAsync<T>(Func<T> work, CancellationToken cancellationToken = default) => inner.TryRunAsync(() =>
        {
            lock (Threads)
            {
                Threads.Add(Thread.CurrentThread.Name ?? "");
            }

            return work();
        }, cancellationToken);
    }

    private sealed class RefusingQueue : ICpuWorkQueue
    {
        public Task<T>? TryRunAsync<T>(Func<T> work, CancellationToken cancellationToken = default) => null;
    }
}
