using System.Net;
using System.Text.Json;
using Bot.Discord.Gateway;

namespace Bot.Tests.Discord.Gateway;

/// <summary>Checks 13–25, 28 and 29 on the scripted transport with a fake clock. Side by side with other fixtures: the times asserted are the fake clock's, so a busy machine only makes it slower.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GatewaySessionTests
{
    private const int Interval = 10_000;

    [Test]
    public async Task Identify_AfterHello_HasTokenPropertiesAndDefaultIntentsZero()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ConnectionAsync(0);
        await Task.Delay(50);
        var sentBeforeHello = connection.Sent.Count;
        connection.PushHello(Interval);
        var identify = (await GatewayHarness.SentAsync(connection, 2)).Data;

        Assert.Multiple(() =>
        {
            Assert.That(sentBeforeHello, Is.Zero, "nothing before HELLO");
            Assert.That(identify.GetProperty("token").GetString(), Is.EqualTo(GatewayHarness.Token));
            Assert.That(identify.GetProperty("intents").GetInt32(), Is.Zero);
            var properties = identify.GetProperty("properties");
            Assert.That(properties.GetProperty("os").GetString(), Is.Not.Empty);
            Assert.That(properties.GetProperty("browser").GetString(), Is.Not.Empty);
            Assert.That(properties.GetProperty("device").GetString(), Is.Not.Empty);
            Assert.That(identify.EnumerateObject().Concat(properties.EnumerateObject()).Select(p => p.Name), Has.None.StartsWith("$"));
        });
    }

    [Test]
    public async Task Identify_IntentsConfigured_SendsThem()
    {
        await using var harness = GatewayHarness.Start(o => o.Intents = 513);
        var connection = await harness.ConnectionAsync(0);
        connection.PushHello(Interval);
        var identify = (await GatewayHarness.SentAsync(connection, 2)).Data;
        Assert.That(identify.GetProperty("intents").GetInt32(), Is.EqualTo(513));
    }

    [Test]
    public async Task Identify_SecondHelloOnSameConnection_IsNotSentTwice()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ConnectionAsync(0);
        connection.PushHello(Interval);
        await GatewayHarness.SentAsync(connection, 2);
        connection.PushHello(Interval);
        connection.PushReady();
        await Eventually.ThatAsync(() => harness.Client.SessionId is not null, "READY");
        Assert.That(connection.SentOp(2).Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Ready_TwiceAcrossSessions_StoresSessionAndRaisesReadyOnce()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        var ready = await harness.Client.Ready.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Multiple(() =>
        {
            Assert.That(ready, Is.EqualTo(new GatewayReady(111, 222, "bot")));
            Assert.That(harness.Application.Id, Is.EqualTo(111UL));
            Assert.That(harness.Client.SessionId, Is.EqualTo("session-1"));
            Assert.That(harness.Client.ResumeUrl, Is.EqualTo(new Uri("wss://resume.test")));
        });

        connection.ServerClose(4009);
        await harness.AdvanceUntilAsync(() => harness.Transport.Connections.Count > 1, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        var second = harness.Transport.Connections[1];
        second.PushHello(Interval);
        await GatewayHarness.SentAsync(second, 2);
        second.PushReady(session: "session-2", applicationId: "999");
        await Eventually.ThatAsync(() => harness.Client.SessionId == "session-2", "second READY");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Client.Ready.Result.ApplicationId, Is.EqualTo(111UL), "Ready completes once, with the first READY");
            Assert.That(harness.Sink.Received.Count(d => d.EventName == "READY"), Is.EqualTo(2), "both still reach the sinks");
        });
    }

    [TestCase(4000)]
    [TestCase(4001)]
    [TestCase(4002)]
    [TestCase(4005)]
    [TestCase(4008)]
    [TestCase(1000)]
    [TestCase(1001)]
    [TestCase(1006)]
    [TestCase(null)]
    public async Task ServerClose_ResumableCode_ResumesOnResumeUrlWithLastSeqAndNoIdentify(int? code)
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        connection.PushDispatch("GUILD_CREATE", 7, "{}");
        await Eventually.ThatAsync(() => harness.Client.LastSequence == 7, "seq 7");
        connection.ServerClose(code);

        var resumed = await harness.ConnectionAsync(1);
        resumed.PushHello(Interval);
        var resume = await GatewayHarness.SentAsync(resumed, 6);
        await Task.Delay(50);

        Assert.Multiple(() =>
        {
            Assert.That(resumed.Uri, Is.EqualTo(new Uri("wss://resume.test/?v=10&encoding=json")));
            Assert.That(resume.Data.GetProperty("seq").GetInt64(), Is.EqualTo(7));
            Assert.That(resume.Data.GetProperty("session_id").GetString(), Is.EqualTo("session-1"));
            Assert.That(resumed.SentOp(2), Is.Empty);
        });
    }

    [Test]
    public async Task Resume_ReplayOverlapsSeenSequences_DeliversEachOnceInOrderThenResumed()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        connection.PushDispatch("MESSAGE_CREATE", 2, "{}");
        connection.PushDispatch("MESSAGE_CREATE", 3, "{}");
        await Eventually.ThatAsync(() => harness.Client.LastSequence == 3, "seq 3");
        connection.ServerClose(4000);
        var resumed = await harness.ConnectionAsync(1);
        resumed.PushHello(Interval);
        await GatewayHarness.SentAsync(resumed, 6);
        foreach (var s in new[] { 3, 4, 5 })
        {
            resumed.PushDispatch("MESSAGE_CREATE", s, "{}");
        }

        resumed.PushDispatch("RESUMED", 6, "{}");
        await Eventually.ThatAsync(() => harness.Sink.Received.Any(d => d.EventName == "RESUMED"), "RESUMED");

        Assert.That(harness.Sink.Received.Select(d => d.Sequence), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public async Task Reconnect_Op7BeforeHello_StillResumes()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        connection.Push("""{"op":7,"d":null,"s":null,"t":null}""");
        var second = await harness.ConnectionAsync(1);
        second.Push("""{"op":7,"d":null,"s":null,"t":null}""");
        await harness.AdvanceUntilAsync(() => harness.Transport.Connections.Count > 2, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2));
        var third = harness.Transport.Connections[2];
        third.PushHello(Interval);
        await GatewayHarness.SentAsync(third, 6);

        Assert.Multiple(() =>
        {
            Assert.That(second.Uri.Host, Is.EqualTo("resume.test"));
            Assert.That(third.Uri.Host, Is.EqualTo("resume.test"));
            Assert.That(harness.Transport.Connections.SelectMany(c => c.SentOp(2)).Count(), Is.EqualTo(1), "only the first IDENTIFY");
        });
    }

    [Test]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        connection.Push("""{"op":9,"d":true,"s":null,"t":null}""");
        var second = await harness.ConnectionAsync(1);
        second.PushHello(Interval);
        await GatewayHarness.SentAsync(second, 6);
        Assert.That(second.Uri.Host, Is.EqualTo("resume.test"));
    }

    [TestCase(0.0, 5000)]
    [TestCase(0.5, 5000)]
    [TestCase(0.99, 4960)]
    public async Task InvalidSession_NotResumable_WaitsOneToFiveSecondsThenIdentifiesOnCachedUrl(double random, int expectedMs)
    {
        // Between the random 1–5 s wait and the 5 s identify spacing, the larger wins.
        await using var harness = GatewayHarness.Start(random: new FixedRandom(random));
        var connection = await harness.ReadyAsync(Interval);
        var firstIdentify = connection.SentOp(2).Single().Timestamp;
        connection.Push("""{"op":9,"d":false,"s":null,"t":null}""");
        await Eventually.ThatAsync(() => connection.ClientCloseCode is not null, "closed");
        await harness.AdvanceUntilAsync(() => harness.Transport.Connections.Count > 1, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(6));
        var second = harness.Transport.Connections[1];
        second.PushHello(Interval);
        await GatewayHarness.SentAsync(second, 2);

        var waited = harness.Between(firstIdentify, second.ConnectedAt);
        Assert.Multiple(() =>
        {
            Assert.That(second.Uri, Is.EqualTo(new Uri("wss://gateway.test/?v=10&encoding=json")), "cached /gateway/bot URL, not the resume URL");
            Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(Math.Max(expectedMs, 1000 + (4000 * random)) - 20)));
            // Fake time moves in 10 ms steps while the client reacts in real time, so on a loaded machine the connection
            // lands a few hundred ms of fake time late. The bound tells the right wait from the wrong one (both waits
            // added: at least 6 s), not the harness's speed.
            Assert.That(waited, Is.LessThan(TimeSpan.FromMilliseconds(5900)));
            Assert.That(second.SentOp(6), Is.Empty);
            Assert.That(harness.Http.Requests, Has.Count.EqualTo(1), "/gateway/bot cached");
        });
    }

    [Test]
    public async Task InvalidSession_NotResumable_WaitIsRandomisedBetweenOneAndFiveSeconds()
    {
        // Spacing from an older identify is long past, so only the 1–5 s wait applies.
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.5));
        var connection = await harness.ReadyAsync(Interval);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        connection.Push("""{"op":9,"d":false,"s":null,"t":null}""");
        await Eventually.ThatAsync(() => connection.ClientCloseCode is not null, "closed");
        var closedAt = connection.ClientClosedAt!.Value;
        await harness.AdvanceUntilAsync(() => harness.Transport.Connections.Count > 1, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(6));

        Assert.That(harness.Between(closedAt, harness.Transport.Connections[1].ConnectedAt), Is.InRange(TimeSpan.FromMilliseconds(2990), TimeSpan.FromMilliseconds(3900)),
            "1 s + 4 s × 0.5 (the upper bound leaves room for the harness's fake-time steps on a loaded machine)");
    }

    [TestCase(4003)]
    [TestCase(4007)]
    [TestCase(4009)]
    public async Task ServerClose_NewSessionCode_IdentifiesOnCachedUrl(int code)
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        connection.ServerClose(code);
        await harness.AdvanceUntilAsync(() => harness.Transport.Connections.Count > 1, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));
        var second = harness.Transport.Connections[1];
        second.PushHello(Interval);
        await GatewayHarness.SentAsync(second, 2);

        Assert.Multiple(() =>
        {
            Assert.That(second.Uri.Host, Is.EqualTo("gateway.test"));
            Assert.That(second.SentOp(6), Is.Empty);
        });
    }

    [TestCase(4004)]
    [TestCase(4010)]
    [TestCase(4011)]
    [TestCase(4012)]
    [TestCase(4013)]
    [TestCase(4014)]
    public async Task ServerClose_FatalCode_SurfacesCodeAndNeverReconnects(int code)
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        connection.ServerClose(code);

        var fatal = Assert.ThrowsAsync<GatewayFatalException>(async () => await harness.Run.WaitAsync(TimeSpan.FromSeconds(5)));
        harness.Time.Advance(TimeSpan.FromSeconds(61));
        await Task.Delay(100);

        Assert.Multiple(() =>
        {
            Assert.That(fatal!.CloseCode, Is.EqualTo(code));
            Assert.That(fatal.Message, Does.Not.Contain(GatewayHarness.Token));
            Assert.That(harness.Transport.ConnectAttempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task GatewayBot_Unauthorized_IsFatalWithoutConnecting()
    {
        var http = new StubGatewayBotHttp();
        http.Enqueue(HttpStatusCode.Unauthorized, """{"message":"401: Unauthorized","code":0}""");
        await using var harness = GatewayHarness.Start(http: http);

        var fatal = Assert.ThrowsAsync<GatewayFatalException>(async () => await harness.Run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Multiple(() =>
        {
            Assert.That(fatal!.CloseCode, Is.Null);
            Assert.That(harness.Transport.ConnectAttempts, Is.Zero);
            Assert.That(harness.Application.Ready.IsFaulted, Is.True, "awaiters of READY are released");
        });
    }

    [Test]
    public async Task GatewayBot_Request_CarriesBotAuthorizationAndUserAgent()
    {
        await using var harness = GatewayHarness.Start();
        await harness.ConnectionAsync(0);
        var request = harness.Http.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.RequestUri, Is.EqualTo(new Uri("https://discord.com/api/v10/gateway/bot")));
            Assert.That(request.Headers.GetValues("Authorization").Single(), Is.EqualTo("Bot " + GatewayHarness.Token));
            Assert.That(request.Headers.UserAgent.ToString(), Does.Match(@"^DiscordBot \(https?://\S+, [\w.]+\)$"));
        });
    }

    [Test]
    public async Task TwoIdentifies_AfterImmediateNewSessionClose_AreAtLeastFiveSecondsApart()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.0));
        var connection = await harness.ConnectionAsync(0);
        connection.PushHello(Interval);
        var first = await GatewayHarness.SentAsync(connection, 2);
        connection.ServerClose(4009);
        await harness.AdvanceUntilAsync(() => harness.Transport.Connections.Count > 1, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));
        var second = harness.Transport.Connections[1];
        second.PushHello(Interval);
        var secondIdentify = await GatewayHarness.SentAsync(second, 2);

        Assert.That(harness.Between(first.Timestamp, secondIdentify.Timestamp), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task SessionStartLimit_RemainingZero_WaitsResetAfterBeforeIdentifying()
    {
        var http = new StubGatewayBotHttp();
        http.Enqueue(HttpStatusCode.OK, StubGatewayBotHttp.Body("wss://gateway.test", remaining: 0, resetAfterMs: 30_000));
        http.Enqueue(HttpStatusCode.OK, StubGatewayBotHttp.Body("wss://gateway.test", remaining: 999, resetAfterMs: 0));
        await using var harness = GatewayHarness.Start(http: http);
        var start = harness.Time.GetTimestamp();
        await Task.Delay(100);
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(300);
        var connectionsBeforeReset = harness.Transport.Connections.Count;
        await harness.AdvanceUntilAsync(() => harness.Transport.Connections.Count > 0, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That(connectionsBeforeReset, Is.Zero);
            Assert.That(harness.Between(start, harness.Transport.Connections[0].ConnectedAt), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(harness.Logger.Collector.GetSnapshot().Any(r => r.Id.Id == 1114), Is.True);
        });
    }

    [Test]
    public async Task Shutdown_WhileConnected_ClosesWith1000SendsNothingMoreAndNeverReconnects()
    {
        var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        await harness.DisposeAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(120));
        await Task.Delay(200);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Run.IsCompletedSuccessfully, Is.True);
            Assert.That(connection.ClientCloseCode, Is.EqualTo(1000));
            Assert.That(connection.SentOp(1), Is.Empty, "no heartbeat after the close");
            Assert.That(connection.SendsAfterClose, Is.Zero);
            Assert.That(harness.Transport.ConnectAttempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SendAsync_PayloadOver4096Bytes_IsRejectedAndNeverSent()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        using var big = JsonDocument.Parse($$"""{"status":"online","activities":[{"name":"{{new string('x', 5000)}}","type":0}],"since":null,"afk":false}""");
        var sentBefore = connection.Sent.Count;

        var error = Assert.ThrowsAsync<GatewayPayloadTooLargeException>(() => harness.Client.SendAsync(3, big.RootElement));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Size, Is.GreaterThan(4096));
            Assert.That(connection.Sent, Has.Count.EqualTo(sentBefore));
            Assert.That(connection.ClientCloseCode, Is.Null);
        });
    }

    [Test]
    public async Task RateLimitedDispatch_IsParsedLoggedAndPosted()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        connection.PushDispatch("RATE_LIMITED", 2, """{"opcode":8,"retry_after":12.5,"meta":{"guild_id":"1","nonce":"n"}}""");
        await Eventually.ThatAsync(() => harness.Sink.Received.Any(d => d.EventName == "RATE_LIMITED"), "posted");

        var posted = harness.Sink.Received.Single(d => d.EventName == "RATE_LIMITED");
        Assert.Multiple(() =>
        {
            Assert.That(GatewayRateLimited.TryParse(posted.Data, out var limited), Is.True);
            Assert.That(limited, Is.EqualTo(new GatewayRateLimited(8, TimeSpan.FromSeconds(12.5))));
            Assert.That(harness.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 1113).Message, Does.Contain("12.5"));
        });
    }

    [Test]
    public async Task MalformedFramesAndUnknownOpcodes_AreLoggedAndTheLoopContinues()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ReadyAsync(Interval);
        connection.Push("{not json");
        connection.Push("""{"op":"x"}""");
        connection.Push("""{"op":42,"d":null}""");
        connection.Push("""{"op":42,"d":null}""");
        connection.PushDispatch("SOME_NEW_EVENT", 2, "{}");
        await Eventually.ThatAsync(() => harness.Sink.Received.Any(d => d.EventName == "SOME_NEW_EVENT"), "later dispatch delivered");

        var log = harness.Logger.Collector.GetSnapshot();
        Assert.Multiple(() =>
        {
            Assert.That(log.Count(r => r.Id.Id == 1111), Is.EqualTo(2));
            Assert.That(log.Count(r => r.Id.Id == 1112), Is.EqualTo(1), "unknown opcode logged once");
            Assert.That(connection.ClientCloseCode, Is.Null);
            Assert.That(log.Select(r => r.Message), Has.None.Contains(GatewayHarness.Token));
        });
    }

    [Test]
    public async Task ConnectFailures_Repeated_BackOffAndThenConnect()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(1.0));
        harness.Transport.FailNextConnects = 0;
        var connection = await harness.ReadyAsync(Interval);
        harness.Transport.FailNextConnects = 3;
        connection.ServerClose(4000);
        await harness.AdvanceUntilAsync(() => harness.Transport.Connections.Count > 1, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10));

        var failures = harness.Logger.Collector.GetSnapshot().Where(r => r.Id.Id is 1104 or 1115).Select(r => r.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(harness.Transport.ConnectAttempts, Is.EqualTo(5));
            Assert.That(failures, Is.EqualTo(new[]
            {
                "Gateway connection failed (attempt 2, retrying in 1 s): scripted connect failure",
                "Gateway connection failed (attempt 3, retrying in 2 s): scripted connect failure",
                "Gateway connection failed (attempt 4, retrying in 4 s): scripted connect failure",
            }));
        });
    }
}
