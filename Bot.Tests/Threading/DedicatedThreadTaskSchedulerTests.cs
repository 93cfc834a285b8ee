using Bot.Threading;

namespace Bot.Tests.Threading;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class DedicatedThreadTaskSchedulerTests
{
    private static Task<T> Start<T>(DedicatedThreadTaskScheduler scheduler, Func<T> work, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.HideScheduler | TaskCreationOptions.DenyChildAttach, scheduler);

    [Test]
    public async Task StartNew_Work_RunsOnDedicatedBackgroundThreadNamedCpuWorker()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 4);

        var thread = await Start(scheduler, () => Thread.CurrentThread);

        Assert.That(thread.Name, Is.EqualTo("cpu-worker-1"));
        Assert.That(thread.IsThreadPoolThread, Is.False);
        Assert.That(thread.IsBackground, Is.True);
    }

    [Test]
    public void Constructor_NoWorkerCount_OneLessThanCoresAtLeastOne()
    {
        using var scheduler = new DedicatedThreadTaskScheduler();

        Assert.That(scheduler.MaximumConcurrencyLevel, Is.EqualTo(Math.Max(1, Math.Min(64, Environment.ProcessorCount - 1))));
        Assert.That(scheduler.Capacity, Is.EqualTo(64));
    }

    [Test]
    public async Task StartNew_MoreWorkThanWorkers_AtMostWorkerCountRunAtOnceOnThreadsOneToN()
    {
        const int workers = 3;
        using var scheduler = new DedicatedThreadTaskScheduler(workers, capacity: 20);
        using var gate = new WorkGate();

        var tasks = Enumerable.Range(0, 12).Select(_ => Start(scheduler, () => gate.Block(Thread.CurrentThread.Name))).ToArray();
        Assert.That(gate.WaitUntilRunning(workers), Is.True);
        // Give a (wrong) fourth thread every chance to pick up work.
        await Task.Delay(200);
        var runningWhileBlocked = gate.Running;
        gate.Release();
        var names = await Task.WhenAll(tasks);

        Assert.That(scheduler.MaximumConcurrencyLevel, Is.EqualTo(workers));
        Assert.That(runningWhileBlocked, Is.EqualTo(workers));
        Assert.That(gate.MaxRunning, Is.EqualTo(workers));
        Assert.That(names.Distinct().Order(), Is.EqualTo(new[] { "cpu-worker-1", "cpu-worker-2", "cpu-worker-3" }));
    }

    [Test]
    public void StartNew_QueueFull_ThrowsAtOnceInsteadOfBlocking()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 2);
        using var gate = new WorkGate();
        var running = Start(scheduler, () => gate.Block(0));
        Assert.That(gate.WaitUntilRunning(1), Is.True);
        var queued = new[] { Start(scheduler, () => 1), Start(scheduler, () => 2) };

        var exception = Assert.Throws<TaskSchedulerException>(() => Start(scheduler, () => 3));

        Assert.That(exception.InnerException, Is.InstanceOf<InvalidOperationException>());
        Assert.That(scheduler.QueuedCount, Is.EqualTo(2));
        gate.Release();
        Assert.That(Task.WaitAll([running, .. queued], WorkGate.Timeout), Is.True);
    }

    [Test]
    public void Wait_OnForeignThreadWhileWorkersBusy_DoesNotInlineTheTask()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 4);
        using var gate = new WorkGate();
        var blocker = Start(scheduler, () => gate.Block(0));
        Assert.That(gate.WaitUntilRunning(1), Is.True);
        var queued = Start(scheduler, () => Thread.CurrentThread.Name);
        // An untimed Wait is where the runtime tries to inline: the task would run on "waiter".
        var waiter = new Thread(() => queued.Wait()) { IsBackground = true, Name = "waiter" };

        waiter.Start();
        Thread.Sleep(200);
        var completedWhileWorkersBusy = queued.IsCompleted;
        gate.Release();

        Assert.That(waiter.Join(WorkGate.Timeout), Is.True);
        Assert.That(completedWhileWorkersBusy, Is.False);
        Assert.That(queued.Result, Is.EqualTo("cpu-worker-1"));
        Assert.That(blocker.Wait(WorkGate.Timeout), Is.True);
    }

    [Test]
    public async Task Cancel_TaskWaitingInQueue_SkippedWithoutRunningWhenAWorkerReachesIt()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 2);
        using var gate = new WorkGate();
        using var cancellation = new CancellationTokenSource();
        var blocker = Start(scheduler, () => gate.Block(0));
        Assert.That(gate.WaitUntilRunning(1), Is.True);
        var ran = false;
        var queued = Start(scheduler, () => ran = true, cancellation.Token);

        await cancellation.CancelAsync();
        gate.Release();
        await blocker;

        Assert.That(SpinWait.SpinUntil(() => queued.IsCompleted, WorkGate.Timeout), Is.True);
        Assert.That(queued.IsCanceled, Is.True);
        Assert.That(ran, Is.False);
        Assert.That(scheduler.QueuedCount, Is.Zero);
    }

    [Test]
    public void Dispose_WorkQueued_DrainsItThenThreadsExitAndNewWorkIsRefused()
    {
        var scheduler = new DedicatedThreadTaskScheduler(workerCount: 2, capacity: 10);
        var threads = Enumerable.Range(0, 2).Select(_ => Start(scheduler, () => { Thread.Sleep(50); return Thread.CurrentThread; })).ToArray();
        var queued = Enumerable.Range(0, 6).Select(i => Start(scheduler, () => i)).ToArray();

        scheduler.Dispose();

        Assert.That(queued.All(t => t.IsCompletedSuccessfully), Is.True, "queued work is drained, not dropped");
        Assert.That(threads.Select(t => t.Result.IsAlive), Is.All.False);
        var exception = Assert.Throws<TaskSchedulerException>(() => Start(scheduler, () => 0));
        Assert.That(exception.InnerException, Is.InstanceOf<ObjectDisposedException>());
        Assert.DoesNotThrow(scheduler.Dispose);
    }
}
