using System.Diagnostics;

namespace Bot.Tests.Discord.Interactions;

/// <summary>
/// Handlers that block their threads: 500 interactions posted at once each get their defer within 1 s, and posting
/// never waits for a handler. Synchronous on purpose: an await here would itself wait for the starved pool. The server
/// is <see cref="BlockingHttpServer"/> for the same reason. Check 30 proper (a long-running command's defer within 1 s
/// while every pool thread is stuck) is asserted by <c>Performance/AckAndHeartbeatUnderLoadTests</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Load)]
public sealed class AckUnderStarvationTests
{
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
