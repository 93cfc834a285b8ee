using System.Diagnostics;

namespace Bot.Tests.Discord.Gateway;

/// <summary>
/// The real ClientWebSocket transport against the fake gateway on loopback, in real time: checks 1,
/// 6, 9 and 25. Timestamps are taken on the server side on arrival. Check 10 (heartbeats while every pool thread is
/// blocked) is asserted by <c>Performance/AckAndHeartbeatUnderLoadTests</c>, on the same transport, with check 30 in the
/// same saturation.
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
}
