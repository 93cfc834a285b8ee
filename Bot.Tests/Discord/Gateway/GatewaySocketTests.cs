using System.Diagnostics;

namespace Bot.Tests.Discord.Gateway;

/// <summary>
/// The real ClientWebSocket transport against the fake gateway on loopback, in real time: checks 1,
/// 6, 9, 10 and 25. Timestamps are taken on the server side on arrival.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Integration)]
public sealed class GatewaySocketTests
{
    private static TimeSpan Ms(long fromTimestamp, long toTimestamp) => Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp);

    private static void WaitFor(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.That(watch.ElapsedMilliseconds, Is.LessThan(timeoutMs), $"timed out waiting for: {what}");
            Thread.Sleep(5);
        }
    }

    [Test]
    public void Connect_ViaGatewayBot_UsesItsUrlWithV10JsonQueryAndSendsBotHeaders()
    {
        using var gateway = FakeDiscordGateway.Start();
        using var harness = new SocketGatewayHarness(gateway);
        var ready = harness.Client.Ready.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        var connection = gateway.Connections[0];
        var request = gateway.GatewayBotRequests.Single();

        Assert.Multiple(() =>
        {
            Assert.That(ready.ApplicationId, Is.EqualTo(111UL));
            Assert.That(connection.Path, Is.EqualTo("/gateway"));
            Assert.That(connection.Query, Is.EqualTo("?v=10&encoding=json"));
            Assert.That(request, Does.StartWith("GET /api/v10/gateway/bot HTTP/1.1"));
            Assert.That(request, Does.Contain($"Authorization: Bot {SocketGatewayHarness.Token}\r\n"));
            Assert.That(request, Does.Match(@"User-Agent: DiscordBot \(https?://\S+, [\w.]+\)\r\n"));
            Assert.That(connection.FramesOp(2).Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Heartbeats_OnRealSocket_FirstWithinIntervalThenIntervalApart()
    {
        using var gateway = FakeDiscordGateway.Start(heartbeatIntervalMs: 500);
        using var harness = new SocketGatewayHarness(gateway);
        WaitFor(() => gateway.Connections.Count == 1 && gateway.Connections[0].FramesOp(1).Count() >= 6, "six heartbeats");
        var connection = gateway.Connections[0];
        var beats = connection.FramesOp(1).Select(f => f.Timestamp).ToList();
        var gaps = beats.Zip(beats.Skip(1), Ms).ToList();
        TestContext.Out.WriteLine($"first beat {Ms(connection.HelloTimestamp, beats[0]).TotalMilliseconds:F1} ms; gaps {string.Join(", ", gaps.Select(g => g.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} ms");

        Assert.Multiple(() =>
        {
            Assert.That(Ms(connection.HelloTimestamp, beats[0]), Is.LessThan(TimeSpan.FromMilliseconds(500 + 100)));
            Assert.That(gaps, Has.All.InRange(TimeSpan.FromMilliseconds(450), TimeSpan.FromMilliseconds(550)), "I ± 10 %");
        });
    }

    [Test]
    public void MissingAcks_OnRealSocket_ClosesNon1000AndResumesOnResumeUrl()
    {
        using var gateway = FakeDiscordGateway.Start(heartbeatIntervalMs: 300);
        using var harness = new SocketGatewayHarness(gateway);
        harness.Client.Ready.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        gateway.AutoAck = true;
        gateway.Connections[0].AutoAck = false;
        WaitFor(() => gateway.Connections.Count == 2 && gateway.Connections[1].FramesOp(6).Any(), "RESUME on a second connection");
        WaitFor(() => gateway.Connections[0].Ended, "first connection ended");

        var resume = gateway.Connections[1].FramesOp(6).Single().Data;
        Assert.Multiple(() =>
        {
            Assert.That(gateway.Connections[0].ClientCloseCode, Is.Not.EqualTo(1000).And.Not.EqualTo(1001));
            Assert.That(gateway.Connections[1].Path, Is.EqualTo("/resume"));
            Assert.That(gateway.Connections[1].Query, Is.EqualTo("?v=10&encoding=json"));
            Assert.That(resume.GetProperty("session_id").GetString(), Is.EqualTo("fake-session"));
            Assert.That(resume.GetProperty("seq").GetInt64(), Is.EqualTo(1));
            Assert.That(gateway.Connections[1].FramesOp(2), Is.Empty);
        });
    }

    [Test]
    public void Shutdown_OnRealSocket_ClosesWith1000AndOpensNoNewConnection()
    {
        using var gateway = FakeDiscordGateway.Start(heartbeatIntervalMs: 300);
        using var harness = new SocketGatewayHarness(gateway);
        harness.Client.Ready.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        harness.Stop();
        Assert.That(harness.Run.Wait(TimeSpan.FromSeconds(5)), Is.True, "RunAsync completes");
        WaitFor(() => gateway.Connections[0].Ended, "server saw the end");
        var framesAtClose = gateway.Connections[0].Frames.Count;
        Thread.Sleep(1000);

        Assert.Multiple(() =>
        {
            Assert.That(gateway.Connections[0].ClientCloseCode, Is.EqualTo(1000));
            Assert.That(gateway.Connections[0].Frames, Has.Count.EqualTo(framesAtClose));
            Assert.That(gateway.Connections, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Heartbeats_500InteractionHandlersBlockingThePool_KeepTheirSchedule()
    {
        using var gateway = FakeDiscordGateway.Start(heartbeatIntervalMs: 1000);
        using var release = new ManualResetEventSlim();
        using var harness = new SocketGatewayHarness(gateway);
        harness.Sink.OnPost = d =>
        {
            if (d.EventName == "INTERACTION_CREATE")
            {
                // A handler that blocks for 10 s (released early when the test ends).
                ThreadPool.UnsafeQueueUserWorkItem(_ => release.Wait(TimeSpan.FromSeconds(10)), null);
            }
        };
        harness.Client.Ready.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        var connection = gateway.Connections[0];
        WaitFor(() => connection.FramesOp(1).Any(), "first beat");
        try
        {
            for (var i = 0; i < 500; i++)
            {
                connection.SendDispatch("INTERACTION_CREATE", $$"""{"id":"{{i}}","type":2,"token":"t"}""");
            }

            WaitFor(() => harness.Sink.Received.Count(d => d.EventName == "INTERACTION_CREATE") == 500, "500 dispatches posted", 3000);
            var start = connection.FramesOp(1).Count();
            WaitFor(() => connection.FramesOp(1).Count() >= start + 5, "five more beats", 8000);
        }
        finally
        {
            release.Set();
        }

        var beats = connection.FramesOp(1).Select(f => f.Timestamp).ToList();
        var gaps = beats.Zip(beats.Skip(1), Ms).ToList();
        TestContext.Out.WriteLine($"gaps under 500 blocking handlers: {string.Join(", ", gaps.Select(g => g.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        Assert.Multiple(() =>
        {
            Assert.That(gaps, Has.All.InRange(TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(1100)), "check 3: I ± 10 %");
            Assert.That(gateway.Connections, Has.Count.EqualTo(1), "never judged a zombie");
        });
    }

    [Test]
    public void Heartbeats_AllPoolThreadsBlockedFor8Seconds_ArriveWithinIntervalPlusOneSecond()
    {
        const int interval = 1000;
        using var gateway = FakeDiscordGateway.Start(heartbeatIntervalMs: interval);
        using var harness = new SocketGatewayHarness(gateway);
        harness.Client.Ready.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        var connection = gateway.Connections[0];
        WaitFor(() => connection.FramesOp(1).Count() >= 2, "two beats");

        var stop = 0;
        long probeRan = 0;
        var saturationStart = Stopwatch.GetTimestamp();
        for (var i = 0; i < 5000; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    while (Volatile.Read(ref stop) == 0)
                    {
                        Thread.Sleep(10);
                    }
                },
                null);
        }

        ThreadPool.UnsafeQueueUserWorkItem(_ => Interlocked.Exchange(ref probeRan, Stopwatch.GetTimestamp()), null);
        Thread.Sleep(8000);
        var threadsDuring = ThreadPool.ThreadCount;
        var saturationEnd = Stopwatch.GetTimestamp();
        Volatile.Write(ref stop, 1);
        WaitFor(() => Interlocked.Read(ref probeRan) != 0, "pool recovered", 30_000);

        var beats = connection.FramesOp(1).Select(f => f.Timestamp).ToList();
        var window = beats.Where(t => t >= saturationStart - (interval * Stopwatch.Frequency / 1000) && t <= saturationEnd + (interval * Stopwatch.Frequency / 1000)).ToList();
        var gaps = window.Zip(window.Skip(1), Ms).ToList();
        var acksLate = harness.Logger.Collector.GetSnapshot().Count(r => r.Id.Id is 1106 or 1107);
        TestContext.Out.WriteLine(
            $"saturated {Ms(saturationStart, saturationEnd).TotalMilliseconds:F0} ms with {threadsDuring} pool threads; probe ran {Ms(saturationStart, probeRan).TotalMilliseconds:F0} ms after start; "
            + $"{window.Count} beats, gaps min {gaps.Min().TotalMilliseconds:F1} max {gaps.Max().TotalMilliseconds:F1} ms; late warnings {acksLate}");

        Assert.Multiple(() =>
        {
            Assert.That(Ms(saturationStart, probeRan), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(7900)), "the pool really was saturated");
            Assert.That(window, Has.Count.GreaterThanOrEqualTo(8));
            Assert.That(gaps.Max(), Is.LessThanOrEqualTo(TimeSpan.FromMilliseconds(interval + 1000)), "check 10");
            Assert.That(gaps.Max(), Is.LessThanOrEqualTo(TimeSpan.FromMilliseconds(interval + 250)), "check 3's bound holds too");
            Assert.That(gateway.Connections, Has.Count.EqualTo(1), "ACKs were read in time: no zombie reconnect");
        });
    }
}
