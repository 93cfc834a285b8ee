using System.Text.Json;
using Bot.Discord.Gateway;

namespace Bot.Tests.Discord.Gateway;

/// <summary>Checks 2–8 and 12 on the scripted transport with a fake clock. Side by side with other fixtures: the times asserted are the fake clock's, so a busy machine only makes it slower.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GatewayHeartbeatTests
{
    private const int Interval = 10_000;

    [Test]
    public async Task FirstHeartbeat_AfterHello_SentAtIntervalTimesJitter()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.25));
        var connection = await harness.ConnectionAsync(0);
        connection.PushHello(Interval);
        await GatewayHarness.SentAsync(connection, 2);

        harness.Time.Advance(TimeSpan.FromMilliseconds(2499));
        await Task.Delay(100);
        Assert.That(connection.SentOp(1), Is.Empty, "no beat before I * jitter");

        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var beat = await GatewayHarness.SentAsync(connection, 1);
        Assert.That(harness.Between(connection.HelloAt!.Value, beat.Timestamp), Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
    }

    [Test]
    public async Task FirstHeartbeatDelay_Over200Runs_IsSpreadOverTheInterval()
    {
        var delays = new List<TimeSpan>();
        for (var seed = 0; seed < 200; seed++)
        {
            await using var harness = GatewayHarness.Start(random: new Random(seed));
            var connection = await harness.ConnectionAsync(0);
            connection.PushHello(Interval);
            await GatewayHarness.SentAsync(connection, 2);
            var expected = TimeSpan.FromMilliseconds(Interval * new Random(seed).NextDouble());

            // Not before the seeded delay (1 ms short of it), and right at it (+1 ms for tick rounding).
            harness.Time.Advance(expected - TimeSpan.FromMilliseconds(1));
            await Task.Delay(15);
            Assert.That(connection.SentOp(1), Is.Empty, $"seed {seed}: beat before its delay");
            harness.Time.Advance(TimeSpan.FromMilliseconds(2));
            var beat = await GatewayHarness.SentAsync(connection, 1);
            delays.Add(harness.Between(connection.HelloAt!.Value, beat.Timestamp));
        }

        Assert.Multiple(() =>
        {
            Assert.That(delays.All(d => d >= TimeSpan.Zero && d < TimeSpan.FromMilliseconds(Interval) + TimeSpan.FromMilliseconds(2)), Is.True, "all in [0, I)");
            Assert.That(delays.Count(d => d < TimeSpan.FromMilliseconds(Interval * 0.25)), Is.InRange(20, 80), "lowest quarter");
            Assert.That(delays.Count(d => d > TimeSpan.FromMilliseconds(Interval * 0.75)), Is.InRange(20, 80), "highest quarter");
            Assert.That(delays.Distinct().Count(), Is.GreaterThan(190));
        });
    }

    [Test]
    public async Task Heartbeats_After20Beats_AreExactlyOneIntervalApart()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.5));
        var connection = await harness.ReadyAsync(Interval);
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        await GatewayHarness.SentAsync(connection, 1);
        for (var beat = 2; beat <= 21; beat++)
        {
            connection.PushAck();
            await Eventually.ThatAsync(() => connection.AllHandled, $"ack #{beat - 1} handled");
            harness.Time.Advance(TimeSpan.FromMilliseconds(Interval));
            await GatewayHarness.SentAsync(connection, 1, beat);
        }

        var times = connection.SentOp(1).Select(f => f.Timestamp).ToList();
        var gaps = times.Zip(times.Skip(1), harness.Between).ToList();
        Assert.That(gaps, Has.Count.EqualTo(20).And.All.EqualTo(TimeSpan.FromMilliseconds(Interval)));
    }

    [Test]
    public async Task HeartbeatData_BeforeAndAfterDispatches_IsNullThenHighestSequence()
    {
        await using var harness = GatewayHarness.Start();
        var connection = await harness.ConnectionAsync(0);
        connection.PushHello(Interval);
        await GatewayHarness.SentAsync(connection, 2);
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        var first = await GatewayHarness.SentAsync(connection, 1);

        connection.PushAck();
        connection.PushReady(sequence: 1);
        connection.PushDispatch("GUILD_CREATE", 5, "{}");
        connection.PushDispatch("GUILD_CREATE", 3, "{}");
        await Eventually.ThatAsync(() => harness.Client.LastSequence == 5, "seq 5 seen");
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        var second = await GatewayHarness.SentAsync(connection, 1, 2);

        Assert.Multiple(() =>
        {
            Assert.That(first.Data.ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(second.Data.GetInt64(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task ServerHeartbeatRequest_MidInterval_BeatsAtOnceAndKeepsSchedule()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.5));
        var connection = await harness.ReadyAsync(Interval);
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        var first = await GatewayHarness.SentAsync(connection, 1);
        connection.PushAck();

        harness.Time.Advance(TimeSpan.FromMilliseconds(3000));
        connection.Push("""{"op":1,"d":null,"s":null,"t":null}""");
        var requested = await GatewayHarness.SentAsync(connection, 1, 2);
        connection.PushAck();
        await Eventually.ThatAsync(() => connection.AllHandled, "ack handled");
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval - 3000));
        var periodic = await GatewayHarness.SentAsync(connection, 1, 3);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Between(first.Timestamp, requested.Timestamp), Is.EqualTo(TimeSpan.FromMilliseconds(3000)), "sent at once, no clock advance needed");
            Assert.That(harness.Between(first.Timestamp, periodic.Timestamp), Is.EqualTo(TimeSpan.FromMilliseconds(Interval)), "schedule unchanged");
        });
    }

    [Test]
    public async Task MissingAck_WhenNextBeatIsDue_ClosesNon1000AndResumesOnResumeUrl()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.5));
        var connection = await harness.ReadyAsync(Interval);
        connection.PushDispatch("GUILD_CREATE", 2, "{}");
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        await GatewayHarness.SentAsync(connection, 1);

        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        var resumed = await harness.ConnectionAsync(1);
        resumed.PushHello(Interval);
        var resume = await GatewayHarness.SentAsync(resumed, 6);

        Assert.Multiple(() =>
        {
            Assert.That(connection.ClientCloseCode, Is.Not.Null.And.Not.EqualTo(1000).And.Not.EqualTo(1001));
            Assert.That(connection.SentOp(1).Count(), Is.EqualTo(1), "no second beat on the zombie");
            Assert.That(resumed.Uri.Host, Is.EqualTo("resume.test"));
            Assert.That(resumed.Uri.Query, Is.EqualTo("?v=10&encoding=json"));
            Assert.That(resume.Data.GetProperty("session_id").GetString(), Is.EqualTo("session-1"));
            Assert.That(resume.Data.GetProperty("seq").GetInt64(), Is.EqualTo(2));
            Assert.That(resume.Data.GetProperty("token").GetString(), Is.EqualTo(GatewayHarness.Token));
            Assert.That(resumed.SentOp(2), Is.Empty, "no IDENTIFY on resume");
            Assert.That(harness.Logger.Collector.GetSnapshot().Any(r => r.Id.Id == 1105), Is.True, "zombie logged");
        });
    }

    [Test]
    public async Task Reconnect_NewSocket_SendsItsOwnFirstBeatAndIsNotJudgedZombie()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.5));
        var connection = await harness.ReadyAsync(Interval);
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        await GatewayHarness.SentAsync(connection, 1);

        // Unanswered beat on the old socket, then the server asks for a reconnect.
        connection.Push("""{"op":7,"d":null,"s":null,"t":null}""");
        var next = await harness.ConnectionAsync(1);
        next.PushHello(Interval);
        await GatewayHarness.SentAsync(next, 6);
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        var firstBeat = await GatewayHarness.SentAsync(next, 1);
        next.PushAck();
        await Eventually.ThatAsync(() => next.AllHandled, "ack handled");
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        await GatewayHarness.SentAsync(next, 1, 2);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Between(next.HelloAt!.Value, firstBeat.Timestamp), Is.EqualTo(TimeSpan.FromMilliseconds(Interval / 2)));
            Assert.That(next.ClientCloseCode, Is.Null, "not closed as a zombie");
            Assert.That(harness.Transport.Connections, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task ForcedReconnectAtNineTenthsOfInterval_OldHeartbeatNeverWritesToNewSocket()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.5));
        var connection = await harness.ReadyAsync(Interval);
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        await GatewayHarness.SentAsync(connection, 1);
        connection.PushAck();
        await Eventually.ThatAsync(() => connection.AllHandled, "ack handled");

        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval * 0.9));
        connection.Push("""{"op":7,"d":null,"s":null,"t":null}""");
        var next = await harness.ConnectionAsync(1);
        next.PushHello(Interval);
        await GatewayHarness.SentAsync(next, 6);

        // The old socket's next beat would have been due now.
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval * 0.1));
        await Task.Delay(200);
        var beatsBeforeOwnSchedule = next.SentOp(1).Count();
        harness.Time.Advance(TimeSpan.FromMilliseconds((Interval * 0.5) - (Interval * 0.1)));
        var own = await GatewayHarness.SentAsync(next, 1);

        Assert.Multiple(() =>
        {
            Assert.That(beatsBeforeOwnSchedule, Is.Zero, "no early or duplicate beat on the new socket");
            Assert.That(harness.Between(next.HelloAt!.Value, own.Timestamp), Is.EqualTo(TimeSpan.FromMilliseconds(Interval / 2)));
            Assert.That(connection.SentOp(1).Count(), Is.EqualTo(1), "old socket got nothing after op 7");
            Assert.That(connection.SendsAfterClose, Is.Zero);
        });
    }

    [Test]
    public async Task LateAck_OverThreshold_LogsWarning()
    {
        await using var harness = GatewayHarness.Start(o => o.HeartbeatWarningThreshold = TimeSpan.FromSeconds(2), new FixedRandom(0.5));
        var connection = await harness.ReadyAsync(Interval);
        harness.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        await GatewayHarness.SentAsync(connection, 1);
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        connection.PushAck();

        await Eventually.ThatAsync(() => harness.Logger.Collector.GetSnapshot().Any(r => r.Id.Id == 1107), "ACK-late warning");
        Assert.That(harness.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 1107).Message, Does.Contain("3000 ms"));
    }

    [Test]
    public void Watchdog_HeartbeatLaterThanThreshold_LogsWarning()
    {
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger();
        var watchdog = new GatewayWatchdog(logger, TimeSpan.FromSeconds(1));
        watchdog.HeartbeatSent(TimeSpan.FromMilliseconds(900));
        watchdog.HeartbeatSent(TimeSpan.FromMilliseconds(1500));

        var warnings = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 1106).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Message, Does.Contain("1500 ms late"));
    }
}
