using Bot.Threading;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Threading;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class SingleFlightTests
{
    private readonly record struct TallyKey(long ChallengeId, int Season, DateTimeOffset AsOf, long DataVersion);

    private static readonly TallyKey Key = new(1, 2025, new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), 7);

    [Test]
    public async Task GetOrStart_TenConcurrentIdenticalRequests_ComputesOnceAndAllGetTheSameResult()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 2, capacity: 16);
        using var gate = new WorkGate();
        var queue = new CpuWorkQueue(scheduler, new FakeLogger<CpuWorkQueue>(), new FakeTimeProvider());
        var shared = new SingleFlight<TallyKey, object>();
        var computations = 0;
        using var allArrived = new Barrier(10);

        // Own threads (LongRunning), so the barrier does not wait for the pool to grow.
        var requests = Enumerable.Range(0, 10).Select(_ => Task.Factory.StartNew(() =>
        {
            allArrived.SignalAndWait(WorkGate.Timeout);
            return shared.GetOrStartAsync(Key, () => queue.TryRunAsync(() =>
            {
                Interlocked.Increment(ref computations);
                return gate.Block(new object());
            }));
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var flights = await Task.WhenAll(requests);
        gate.Release();
        var results = await Task.WhenAll(flights.Select(f => f!));

        Assert.That(computations, Is.EqualTo(1));
        Assert.That(flights.Distinct().Count(), Is.EqualTo(1), "every request awaits the same task");
        Assert.That(results, Is.All.SameAs(results[0]));
        Assert.That(SpinWait.SpinUntil(() => shared.InFlightCount == 0, WorkGate.Timeout), Is.True, "the finished flight is forgotten");
    }

    [Test]
    public async Task GetOrStart_DifferentKeys_ComputeSeparately()
    {
        var shared = new SingleFlight<TallyKey, int>();
        var first = new TaskCompletionSource<int>();
        var second = new TaskCompletionSource<int>();

        var a = shared.GetOrStartAsync(Key, () => first.Task);
        var b = shared.GetOrStartAsync(Key with { DataVersion = 8 }, () => second.Task);
        first.SetResult(1);
        second.SetResult(2);

        Assert.That(a, Is.Not.SameAs(b));
        Assert.That(await a!, Is.EqualTo(1));
        Assert.That(await b!, Is.EqualTo(2));
    }

    [Test]
    public async Task GetOrStart_FlightCompleted_NextCallComputesAgain()
    {
        var shared = new SingleFlight<TallyKey, int>();
        var computations = 0;
        Task<int>? Compute() => Task.FromResult(Interlocked.Increment(ref computations));

        var first = await shared.GetOrStartAsync(Key, Compute)!;
        var second = await shared.GetOrStartAsync(Key, Compute)!;

        Assert.That((first, second), Is.EqualTo((1, 2)));
        Assert.That(shared.InFlightCount, Is.Zero);
    }

    [Test]
    public async Task GetOrStart_ComputationFails_AllWaitersSeeTheFailureAndNextCallRecomputes()
    {
        var shared = new SingleFlight<TallyKey, int>();
        var failing = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var starts = 0;

        var waiters = Enumerable.Range(0, 3).Select(_ => shared.GetOrStartAsync(Key, () => { starts++; return failing.Task; })!).ToArray();
        failing.SetException(new InvalidOperationException("tally broke"));
        foreach (var waiter in waiters)
        {
            Assert.ThrowsAsync<InvalidOperationException>(async () => await waiter);
        }

        var retry = await shared.GetOrStartAsync(Key, () => { starts++; return Task.FromResult(5); })!;

        Assert.That(starts, Is.EqualTo(2));
        Assert.That(retry, Is.EqualTo(5));
    }

    [Test]
    public void GetOrStart_StartThrows_ThrowsAndNextCallStartsAgain()
    {
        var shared = new SingleFlight<TallyKey, int>();

        Assert.Throws<InvalidOperationException>(() => shared.GetOrStartAsync(Key, () => throw new InvalidOperationException("no data")));
        var next = shared.GetOrStartAsync(Key, () => Task.FromResult(3));

        Assert.That(next, Is.Not.Null);
        Assert.That(shared.InFlightCount, Is.Zero);
    }

    [Test]
    public async Task GetOrStart_QueueBusy_ReturnsNullAndNextCallTriesAgain()
    {
        using var scheduler = new DedicatedThreadTaskScheduler(workerCount: 1, capacity: 1);
        using var gate = new WorkGate();
        var queue = new CpuWorkQueue(scheduler, new FakeLogger<CpuWorkQueue>(), new FakeTimeProvider());
        var shared = new SingleFlight<TallyKey, int>();
        var blocker = queue.TryRunAsync(() => gate.Block(0))!;

        var busy = shared.GetOrStartAsync(Key, () => queue.TryRunAsync(() => 1));
        var busyCached = shared.InFlightCount;
        gate.Release();
        await blocker;
        var retry = shared.GetOrStartAsync(Key, () => queue.TryRunAsync(() => 1));

        Assert.That(busy, Is.Null);
        Assert.That(busyCached, Is.Zero, "a busy answer is not kept");
        Assert.That(retry, Is.Not.Null);
        Assert.That(await retry!, Is.EqualTo(1));
    }
}
