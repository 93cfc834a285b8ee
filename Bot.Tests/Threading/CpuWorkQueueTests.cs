using System.Diagnostics;
using Bot.Threading;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Threading;

[TestFixture]
[NonParallelizable]
[Category(TestCategories.Unit)]
public sealed class CpuWorkQueueTests
{
    private static CpuWorkQueue Queue(DedicatedThreadTaskScheduler scheduler, FakeLogger<CpuWorkQueue>? logger = null, TimeProvider? time = null) =>
        new(scheduler, logger ?? new FakeLogger<CpuWorkQueue>(), time ?? new FakeTimeProvider());

    [Test]
    public async Task TryRun_Work_RunsOnCpuWorkerThreadNotOnThePool()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 2, capacity: 4);
        var queue = Queue(scheduler);

        var (name, isPoolThread) = await queue.TryRunAsync(() => (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread))!;

        Assert.That(name, Does.Match("^cpu-worker-[12]$"));
        Assert.That(isPoolThread, Is.False);
    }

    [Test]
    public async Task TryRun_Work_TaskSchedulerCurrentIsTheDefault()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 4);
        var queue = Queue(scheduler);

        var current = await queue.TryRunAsync(() => TaskScheduler.Current)!;

        Assert.That(current, Is.SameAs(TaskScheduler.Default));
    }

    [Test]
    public async Task TryRun_Awaited_ContinuationDoesNotRunOnACpuWorker()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 4);
        var queue = Queue(scheduler);

        // On the pool, with no synchronization context: the way bot code awaits.
        var (resumedOn, schedulerAfterAwait) = await Task.Run(async () =>
        {
            // Slow enough that the await suspends and is resumed by the work's completion.
            await queue.TryRunAsync(() => { Thread.Sleep(100); return 0; })!;
            return (Thread.CurrentThread.Name, TaskScheduler.Current);
        });

        Assert.That(resumedOn ?? "", Does.Not.StartWith("cpu-worker"));
        Assert.That(schedulerAfterAwait, Is.SameAs(TaskScheduler.Default));
    }

    [Test]
    public async Task TryRun_QueueFull_ReturnsNullImmediatelyAndAcceptsAgainOnceDrained()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 3);
        using var gate = new WorkGate();
        var queue = Queue(scheduler);
        var accepted = Enumerable.Range(0, 3).Select(i => queue.TryRunAsync(() => gate.Block(i))).ToArray();
        Assert.That(gate.WaitUntilRunning(1), Is.True);

        var stopwatch = Stopwatch.StartNew();
        var refused = queue.TryRunAsync(() => 99);
        stopwatch.Stop();

        Assert.That(accepted, Is.All.Not.Null);
        Assert.That(refused, Is.Null);
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "refusing must not wait for a slot");
        gate.Release();
        Assert.That(await Task.WhenAll(accepted!), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(queue.InFlight, Is.Zero);
        var again = queue.TryRunAsync(() => 42);
        Assert.That(again, Is.Not.Null);
        Assert.That(await again!, Is.EqualTo(42));
    }

    [Test]
    public void Metrics_QueueFull_LengthLimitAndRefusalMeasured()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 2);
        using var gate = new WorkGate();
        using var queue = Queue(scheduler);
        using var length = new MetricCollector<int>(queue.Meter, "challengebot.cpu.queue.length");
        using var limit = new MetricCollector<int>(queue.Meter, "challengebot.cpu.queue.limit");
        using var refused = new MetricCollector<long>(queue.Meter, "challengebot.cpu.refused");
        var accepted = Enumerable.Range(0, 2).Select(i => queue.TryRunAsync(() => gate.Block(i))).ToArray();
        Assert.That(gate.WaitUntilRunning(1), Is.True);

        Assert.That(queue.TryRunAsync(() => 99), Is.Null);
        length.RecordObservableInstruments();
        limit.RecordObservableInstruments();
        gate.Release();

        Assert.Multiple(() =>
        {
            Assert.That(length.LastMeasurement?.Value, Is.EqualTo(2));
            Assert.That(limit.LastMeasurement?.Value, Is.EqualTo(2));
            Assert.That(refused.GetMeasurementSnapshot().Sum(m => m.Value), Is.EqualTo(1));
        });
        Assert.That(accepted, Is.All.Not.Null);
    }

    [Test]
    public void TryRun_WorkThrows_ExceptionReachesTheAwaiter()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 4);
        var queue = Queue(scheduler);

        var task = queue.TryRunAsync<int>(() => throw new InvalidOperationException("tally broke"))!;

        var exception = Assert.ThrowsAsync<InvalidOperationException>(async () => await task);
        Assert.That(exception.Message, Is.EqualTo("tally broke"));
        Assert.That(queue.InFlight, Is.Zero);
    }

    [Test]
    public void TryRun_TokenAlreadyCancelled_TaskCancelledAndWorkNotRun()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 4);
        var queue = Queue(scheduler);
        var ran = false;

        var task = queue.TryRunAsync(() => ran = true, new CancellationToken(canceled: true))!;

        Assert.ThrowsAsync<TaskCanceledException>(async () => await task);
        Assert.That(task.IsCanceled, Is.True);
        Assert.That(ran, Is.False);
        Assert.That(queue.InFlight, Is.Zero);
    }

    [Test]
    public async Task TryRun_CancelledWhileQueued_CallerStopsWaitingAtOnceAndWorkNeverRuns()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 2);
        using var gate = new WorkGate();
        using var cancellation = new CancellationTokenSource();
        var queue = Queue(scheduler);
        var blocker = queue.TryRunAsync(() => gate.Block(0))!;
        Assert.That(gate.WaitUntilRunning(1), Is.True);
        var ran = false;
        var queued = queue.TryRunAsync(() => ran = true, cancellation.Token)!;

        await cancellation.CancelAsync();

        var exception = Assert.ThrowsAsync<TaskCanceledException>(async () => await queued);
        Assert.That(exception.CancellationToken, Is.EqualTo(cancellation.Token));
        Assert.That(gate.Running, Is.EqualTo(1), "the caller did not wait for the worker");
        gate.Release();
        await blocker;
        Assert.That(SpinWait.SpinUntil(() => queue.InFlight == 0, WorkGate.Timeout), Is.True, "the skipped task gives its slot back");
        Assert.That(ran, Is.False);
    }

    [Test]
    public void TryRun_WorkCancelsWithItsToken_TaskCancelled()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 4);
        using var cancellation = new CancellationTokenSource();
        var queue = Queue(scheduler);

        var task = queue.TryRunAsync<int>(() =>
        {
            cancellation.Cancel();
            cancellation.Token.ThrowIfCancellationRequested();
            return 0;
        }, cancellation.Token)!;

        var exception = Assert.CatchAsync<OperationCanceledException>(async () => await task);
        Assert.That(exception.CancellationToken, Is.EqualTo(cancellation.Token));
        Assert.That(task.IsCanceled, Is.True);
    }

    [Test]
    public async Task TryRun_AllCpuWorkersBlocked_ThreadPoolStillRunsTaskRunPromptly()
    {
        // More blocked workers than the pool's minimum threads: were they pool threads, the probe
        // would wait for the pool's slow thread injection (about two a second) to get past them.
        ThreadPool.GetMinThreads(out var minimumPoolThreads, out _);
        var workers = Math.Min(64, minimumPoolThreads + 16);
        using var scheduler = new DedicatedThreadTaskScheduler(workers, capacity: workers);
        using var gate = new WorkGate();
        var queue = Queue(scheduler);
        var blocked = Enumerable.Range(0, workers).Select(i => queue.TryRunAsync(() => gate.Block(i))!).ToArray();
        Assert.That(gate.WaitUntilRunning(workers), Is.True);

        var probe = Task.Run(() => Thread.CurrentThread.IsThreadPoolThread);
        var finished = await Task.WhenAny(probe, Task.Delay(TimeSpan.FromSeconds(3)));

        Assert.That(finished, Is.SameAs(probe), "a Task.Run probe was starved by CPU work");
        Assert.That(gate.Running, Is.EqualTo(workers), "every CPU worker was still busy during the probe");
        gate.Release();
        await Task.WhenAll(blocked);
    }

    [Test]
    public async Task TryRun_BurstOfRefusals_LogsOneWarningUntilTheIntervalPasses()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 1);
        using var gate = new WorkGate();
        var logger = new FakeLogger<CpuWorkQueue>();
        var time = new FakeTimeProvider();
        var queue = Queue(scheduler, logger, time);
        var blocker = queue.TryRunAsync(() => gate.Block(0))!;

        for (var i = 0; i < 10; i++)
        {
            Assert.That(queue.TryRunAsync(() => i), Is.Null);
        }

        var afterBurst = logger.Collector.GetSnapshot();
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.That(queue.TryRunAsync(() => 0), Is.Null);
        var afterInterval = logger.Collector.GetSnapshot();

        Assert.That(afterBurst, Has.Count.EqualTo(1));
        Assert.That(afterBurst[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(afterBurst[0].Id.Id, Is.EqualTo(2800));
        Assert.That(afterInterval, Has.Count.EqualTo(2));
        // The second warning counts the nine refusals the first one did not report, plus its own.
        Assert.That(afterInterval[1].Message, Does.Contain("10 refused"));
        gate.Release();
        await blocker;
    }
}
