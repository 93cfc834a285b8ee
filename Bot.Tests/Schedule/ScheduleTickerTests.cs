using Bot.Schedule;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Schedule;

[Category(TestCategories.Unit)]
public sealed class ScheduleTickerTests
{
    [Test]
    public void UntilNextMinute_TwentySecondsIntoAMinute_WaitsForTheNextOne()
    {
        var wait = ScheduleTicker.UntilNextMinute(DateTimeOffset.Parse("2026-12-07T07:59:20Z"));

        Assert.That(wait, Is.EqualTo(TimeSpan.FromSeconds(40) + TimeSpan.FromMilliseconds(5)));
    }

    [Test]
    public async Task ExecuteAsync_AJobThrows_TheOtherJobsStillRunAtEveryMinute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T07:58:30Z"));
        using var failing = new RecordingJob(fail: true);
        using var healthy = new RecordingJob(fail: false);
        await using var services = new ServiceCollection().AddSingleton<IScheduledJob>(failing).AddSingleton<IScheduledJob>(healthy).BuildServiceProvider();
        using var ticker = new ScheduleTicker(services, clock, NullLogger<ScheduleTicker>.Instance);

        await ticker.StartAsync(CancellationToken.None);
        await healthy.WaitForRunsAsync(1);
        // In steps, since the ticker may set its timer only after the first step.
        for (var step = 0; step < 60 && healthy.Times.Count < 2; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        await healthy.WaitForRunsAsync(2);
        await ticker.StopAsync(CancellationToken.None);

        Assert.That(healthy.Times[0], Is.EqualTo(DateTimeOffset.Parse("2026-12-07T07:58:30Z")));
        Assert.That(healthy.Times[1], Is.InRange(DateTimeOffset.Parse("2026-12-07T07:59:00Z"), DateTimeOffset.Parse("2026-12-07T07:59:02Z")));
        Assert.That(failing.Times, Has.Count.EqualTo(2));
    }

    private sealed class RecordingJob(bool fail) : IScheduledJob, IDisposable
    {
        private readonly List<DateTimeOffset> _times = [];
        private readonly SemaphoreSlim _ran = new(0);

        public void Dispose() => _ran.Dispose();

        public string Name => fail ? "failing" : "healthy";

        public IReadOnlyList<DateTimeOffset> Times
        {
            get
            {
                lock (_times)
                {
                    return [.. _times];
                }
            }
        }

        public Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            lock (_times)
            {
                _times.Add(now);
            }

            _ran.Release();
            return fail ? Task.FromException(new InvalidOperationException("boom")) : Task.CompletedTask;
        }

        public async Task WaitForRunsAsync(int count)
        {
            while (Times.Count < count)
            {
                Assert.That(await _ran.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "the job was not run in time");
            }
        }
    }
}
