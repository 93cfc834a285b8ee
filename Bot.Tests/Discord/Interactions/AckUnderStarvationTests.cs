using System.Diagnostics;
using System.Text.Json;

namespace Bot.Tests.Discord.Interactions;

/// <summary>
/// Check 30: a long-running command's defer reaches the server within 1 s of the dispatch while
/// every thread-pool thread is stuck in blocking calls. Synchronous on purpose: an await here would
/// itself wait for the starved pool. The server is <see cref="BlockingHttpServer"/> for the same reason.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Load)]
public sealed class AckUnderStarvationTests
{
    private const int Interactions = 20;

    [Test]
    public void Post_LongRunningCommandWhileThreadPoolSaturated_DeferArrivesWithinOneSecond()
    {
        using var server = new BlockingHttpServer();
        var host = InteractionTestHost.StartAsync(baseUrl: server.BaseUrl).GetAwaiter().GetResult();
        try
        {
            host.Probe.Behaviour = static (_, _) => Task.CompletedTask;
            // The ack threads open their connections at start (GET /gateway); wait for that, as a bot would be connected.
            Assert.That(SpinWait.SpinUntil(() => server.Requests.Count(r => r.Path == "/gateway") >= 2, TimeSpan.FromSeconds(5)), Is.True);
            var saturatedUntil = Stopwatch.GetTimestamp() + (8 * Stopwatch.Frequency);
            var blockers = Environment.ProcessorCount * 50;
            for (var i = 0; i < blockers; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => Thread.Sleep(TimeSpan.FromSeconds(Math.Max(0, (saturatedUntil - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency))), null);
            }

            Thread.Sleep(500);
            Assert.That(ThreadPool.PendingWorkItemCount, Is.GreaterThan(0), "the pool is saturated");

            var posted = new long[Interactions];
            for (var i = 0; i < Interactions; i++)
            {
                posted[i] = Stopwatch.GetTimestamp();
                host.PostInteraction(InteractionJson.Guild((ulong)(5000 + i), "slow"));
                Thread.Sleep(50);
            }

            var pendingAtEnd = ThreadPool.PendingWorkItemCount;
            SpinWait.SpinUntil(() => server.Requests.Count(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)) >= Interactions, TimeSpan.FromSeconds(15));
            var latencies = Enumerable.Range(0, Interactions).Select(i =>
            {
                var request = server.Requests.FirstOrDefault(r => r.Path == $"/interactions/{5000 + i}/{InteractionJson.Token}/callback");
                return request is null ? double.PositiveInfinity : (request.Timestamp - posted[i]) * 1000.0 / Stopwatch.Frequency;
            }).Order().ToArray();
            TestContext.Out.WriteLine($"defer latency ms under saturation: min {latencies[0]:F1}, p50 {latencies[Interactions / 2]:F1}, max {latencies[^1]:F1}; pool threads {ThreadPool.ThreadCount}, pending items at end {pendingAtEnd}");

            Assert.That(pendingAtEnd, Is.GreaterThan(0), "the pool was still saturated when the last interaction was posted");
            Assert.That(latencies[^1], Is.LessThan(1000));
            var body = JsonDocument.Parse(server.Requests.First(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).Body).RootElement;
            Assert.That(body.GetProperty("type").GetInt32(), Is.EqualTo(5));
            Assert.That(body.GetProperty("data").GetProperty("flags").GetInt32(), Is.EqualTo(64));
        }
        finally
        {
            SpinWait.SpinUntil(() => Stopwatch.GetTimestamp() > 0 && ThreadPool.PendingWorkItemCount == 0, TimeSpan.FromSeconds(20));
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Test]
    public void Post_500InteractionsWhoseHandlersBlock_ReturnsAtOnceAndEveryDeferArrives()
    {
        const int count = 500;
        using var server = new BlockingHttpServer();
        var host = InteractionTestHost.StartAsync(baseUrl: server.BaseUrl).GetAwaiter().GetResult();
        try
        {
            // Bad handlers: synchronous blocking on the consumer tasks (the pool), 50 ms each.
            host.Probe.Behaviour = static (_, _) =>
            {
                Thread.Sleep(50);
                return Task.CompletedTask;
            };
            Assert.That(SpinWait.SpinUntil(() => server.Requests.Count(r => r.Path == "/gateway") >= 2, TimeSpan.FromSeconds(5)), Is.True);

            var posted = new long[count];
            var longestPost = 0L;
            for (var i = 0; i < count; i++)
            {
                posted[i] = Stopwatch.GetTimestamp();
                host.PostInteraction(InteractionJson.Guild((ulong)(10_000 + i), "slow"));
                longestPost = Math.Max(longestPost, Stopwatch.GetTimestamp() - posted[i]);
            }

            SpinWait.SpinUntil(() => server.Requests.Count(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)) >= count, TimeSpan.FromSeconds(15));
            var arrivals = server.Requests.Where(r => r.Path.EndsWith("/callback", StringComparison.Ordinal))
                .ToDictionary(r => ulong.Parse(r.Path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture), r => r.Timestamp);
            var latencies = Enumerable.Range(0, count)
                .Select(i => arrivals.TryGetValue((ulong)(10_000 + i), out var t) ? (t - posted[i]) * 1000.0 / Stopwatch.Frequency : double.PositiveInfinity)
                .Order().ToArray();
            var longestPostMs = longestPost * 1000.0 / Stopwatch.Frequency;
            TestContext.Out.WriteLine($"500 posts: longest Post {longestPostMs:F2} ms; defer latency p50 {latencies[count / 2]:F1} ms, p99 {latencies[(int)(count * 0.99)]:F1} ms, max {latencies[^1]:F1} ms");

            Assert.That(longestPostMs, Is.LessThan(50));
            Assert.That(latencies[^1], Is.LessThan(1000));
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
