using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bot.Discord.Interactions;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Discord.Interactions;

namespace Bot.Tests.Discord.Performance;

/// <summary>
/// Issue 3's first two performance targets, measured and reported rather than timed: defer
/// callbacks within 100 ms p99 of the dispatch, and heartbeats at most 50 ms behind schedule, while
/// 50 long commands block their threads and the thread pool is saturated (every pool thread blocked, work items
/// waiting). The same saturation holds the protocol's check 10 (heartbeats within I + 1 s, here also within check 3's
/// tolerance) and check 30 (a long-running command's defer within 1 s of its dispatch); the other assertions are the
/// functional outcome, so a loaded CI machine cannot make them flaky. Every timestamp is Stopwatch ticks taken on the
/// fakes' dedicated threads (dispatch sent, callback received, heartbeat received): one clock that
/// the starved pool cannot skew. Synchronous on purpose: an await would wait for the starved pool.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Load)]
public sealed class AckAndHeartbeatUnderLoadTests
{
    private const int LongCommands = 50;
    private const int Interactions = 100;
    private const int HeartbeatIntervalMs = 1000;
    private static readonly TimeSpan Saturation = TimeSpan.FromSeconds(6);

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static void WaitFor(Func<bool> condition, string what, TimeSpan timeout) =>
        Assert.That(SpinWait.SpinUntil(condition, timeout), Is.True, $"timed out waiting for: {what}");

    [TestCase(true, TestName = "Interactions_50LongCommandsAndSaturatedPool_EveryDeferWithinDeadlineAndHeartbeatsOnTime(keep-alive REST)")]
    [TestCase(false, TestName = "Interactions_50LongCommandsAndSaturatedPool_EveryDeferWithinDeadlineAndHeartbeatsOnTime(server closes every connection)")]
    public void Interactions_50LongCommandsAndSaturatedPool_EveryDeferWithinDeadlineAndHeartbeatsOnTime(bool keepAliveRest)
    {
        using var discord = FakeDiscordGateway.Start(HeartbeatIntervalMs);

        // Both on blocking threads of their own, so the starved pool cannot delay what they record.
        using var rest = new BlockingHttpServer(closeEveryConnection: !keepAliveRest);
        var callbacks = () => Callbacks(rest.Requests.Select(r => (r.Path, r.Timestamp, r.Body)));

        // 50 blocking handlers must run at once: the default 32 consumers would queue 18 of them.
        var settings = new InteractionSettings { HandlerConcurrency = LongCommands + 14 };
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        using var bot = ConnectedBot.Start(discord, rest.BaseUrl, settings);
        var saturatedUntil = 0L;
        try
        {
            Assert.That(bot.Client.Ready.Wait(TimeSpan.FromSeconds(10)), Is.True, "READY");
            var connection = discord.Connections[0];
            WaitFor(() => rest.Requests.Count(r => r.Path == "/gateway") >= settings.AckThreads && connection.FramesOp(1).Any(), "ack connections warm and a first heartbeat", TimeSpan.FromSeconds(10));

            // The pool would add a thread for a blocked one about twice a second; the 50 handlers should not take 25 s to start.
            ThreadPool.SetMinThreads(Environment.ProcessorCount + LongCommands + 8, minIo);
            var posted = new Dictionary<ulong, long>();
            Dispatch(connection, posted, 1000, LongCommands, "long", pause: TimeSpan.Zero);
            WaitFor(() => bot.Gate.Running == LongCommands, "50 long commands running", TimeSpan.FromSeconds(15));

            var saturationStart = Stopwatch.GetTimestamp();
            saturatedUntil = SaturatePool(saturationStart);
            Thread.Sleep(300);
            var pendingAtStart = ThreadPool.PendingWorkItemCount;
            Dispatch(connection, posted, 5000, Interactions, "stats", pause: TimeSpan.FromMilliseconds(40));
            var load = new Load(pendingAtStart, ThreadPool.PendingWorkItemCount, bot.Gate.Running);
            WaitFor(() => callbacks().Count >= LongCommands + Interactions, "every defer", TimeSpan.FromSeconds(15));
            SpinWait.SpinUntil(() => Stopwatch.GetTimestamp() > saturatedUntil + (HeartbeatIntervalMs * Stopwatch.Frequency / 1000), Saturation + TimeSpan.FromSeconds(3));
            bot.Gate.Release();

            var measured = new Measured(posted, callbacks(), [.. connection.FramesOp(1).Select(f => f.Timestamp)], saturationStart, saturatedUntil);
            Report(measured, load, keepAliveRest, rest.Connections, bot.Gate.Peak);
            AssertOutcome(measured, load, bot.Gate.Peak, discord.Connections.Count);
        }
        finally
        {
            bot.Gate.Release();
            SpinWait.SpinUntil(() => Stopwatch.GetTimestamp() > saturatedUntil && ThreadPool.PendingWorkItemCount == 0, TimeSpan.FromSeconds(20));
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }
    }

    /// <summary>Sends <paramref name="count"/> interactions of one command (ids from <paramref name="firstId"/>), noting when each went out.</summary>
    private static void Dispatch(FakeGatewayConnection connection, Dictionary<ulong, long> posted, ulong firstId, int count, string command, TimeSpan pause)
    {
        for (var i = 0; i < count; i++)
        {
            posted[firstId + (ulong)i] = Stopwatch.GetTimestamp();
            connection.SendDispatch("INTERACTION_CREATE", InteractionJson.Guild(firstId + (ulong)i, command));
            if (pause > TimeSpan.Zero)
            {
                Thread.Sleep(pause);
            }
        }
    }

    /// <summary>Blocks more pool threads than the pool has until the saturation ends; returns when that is (Stopwatch ticks).</summary>
    private static long SaturatePool(long saturationStart)
    {
        var saturatedUntil = saturationStart + (long)(Saturation.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < (Environment.ProcessorCount + LongCommands + 8) * 2; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Thread.Sleep(TimeSpan.FromSeconds(Math.Max(0, (saturatedUntil - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency))), null);
        }

        return saturatedUntil;
    }

    private static void Report(Measured measured, Load load, bool keepAliveRest, int restConnections, int peak)
    {
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"REST: {(keepAliveRest ? "keep-alive (as Discord)" : "Connection: close, a new connection per request")}, {restConnections} connections"));
        TestContext.Out.WriteLine($"defer dispatch->callback received, {Interactions} interactions under load: {measured.UnderLoad}");
        TestContext.Out.WriteLine($"defer of the 50 long commands (before saturation): {measured.LongOnes}");
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heartbeats in the {Ms(measured.SaturationStart, measured.SaturationEnd):F0} ms saturation: {measured.Window.Count - 1}; lateness vs previous beat max {measured.GapLateness.Max():F1} ms (gaps {string.Join(", ", measured.GapLateness.Select(g => (g + HeartbeatIntervalMs).ToString("F1", CultureInfo.InvariantCulture)))}); drift vs schedule max {measured.ScheduleLateness.Max():F1} ms"));
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {load.RunningAtEnd} long commands blocking, peak {peak}; pool threads {ThreadPool.ThreadCount}, pending items {load.PendingAtStart} after saturating, {load.PendingAtEnd} after the last dispatch"));
    }

    private static void AssertOutcome(Measured measured, Load load, int peak, int gatewayConnections)
    {
        var sampleLong = JsonDocument.Parse(measured.Arrived[1000].Body).RootElement;
        var sampleStats = JsonDocument.Parse(measured.Arrived[5000].Body).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(peak, Is.EqualTo(LongCommands), "50 long commands ran at once");
            Assert.That(load.RunningAtEnd, Is.EqualTo(LongCommands), "and were still running after the last dispatch");
            Assert.That(load.PendingAtEnd, Is.GreaterThan(0), "the pool was still saturated after the last dispatch");
            Assert.That(measured.Arrived.Keys, Is.EquivalentTo(measured.Posted.Keys), "exactly one defer per interaction");
            Assert.That(sampleLong.GetProperty("type").GetInt32(), Is.EqualTo(5));
            Assert.That(sampleLong.GetProperty("data").GetProperty("flags").GetInt32(), Is.EqualTo(64), "[Ephemeral] defers ephemerally");
            Assert.That(sampleStats.GetProperty("type").GetInt32(), Is.EqualTo(5));
            Assert.That(sampleStats.TryGetProperty("data", out var data) && data.TryGetProperty("flags", out _), Is.False, "[LongRunning] defers publicly");
            Assert.That(measured.UnderLoad.Max, Is.LessThan(1000), "check 30: every long-running defer within 1 s of its dispatch (Discord's deadline: 3 s)");
            Assert.That(measured.Window, Has.Count.GreaterThanOrEqualTo(6), "heartbeats kept coming during the saturation");
            Assert.That(measured.GapLateness.Max(), Is.LessThan(1000), "check 10: no beat a whole interval late");
            Assert.That(measured.GapLateness.Max(), Is.LessThanOrEqualTo(250), "check 3's tolerance holds too");
            Assert.That(gatewayConnections, Is.EqualTo(1), "ACKs were read in time: never judged a zombie");
        });
    }

    /// <summary>How loaded the bot was when the last interaction went out: pool items waiting, long commands blocking.</summary>
    private sealed record Load(long PendingAtStart, long PendingAtEnd, int RunningAtEnd);

    /// <summary>What the fakes recorded (Stopwatch ticks), and the latencies and heartbeat lateness worked out from it.</summary>
    private sealed record Measured(Dictionary<ulong, long> Posted, Dictionary<ulong, (long Timestamp, string Body)> Arrived, List<long> Beats, long SaturationStart, long SaturationEnd)
    {
        public LatencySummary UnderLoad => LatencySummary.Of(Enumerable.Range(0, Interactions).Select(i => Ms(Posted[(ulong)(5000 + i)], Arrived[(ulong)(5000 + i)].Timestamp)));

        public LatencySummary LongOnes => LatencySummary.Of(Enumerable.Range(0, LongCommands).Select(i => Ms(Posted[(ulong)(1000 + i)], Arrived[(ulong)(1000 + i)].Timestamp)));

        /// <summary>The beats from the last one before the saturation to one interval after it ended.</summary>
        public List<long> Window => [.. Beats.Where(t => t >= LastBefore && t <= SaturationEnd + (HeartbeatIntervalMs * Stopwatch.Frequency / 1000))];

        public List<double> GapLateness => [.. Window.Zip(Window.Skip(1), (a, b) => Ms(a, b) - HeartbeatIntervalMs)];

        public List<double> ScheduleLateness => [.. Window.Select((t, k) => Ms(LastBefore, t) - (k * HeartbeatIntervalMs))];

        private long LastBefore => Beats.Last(t => t < SaturationStart);
    }

    private static Dictionary<ulong, (long Timestamp, string Body)> Callbacks(IEnumerable<(string Path, long Timestamp, string Body)> requests)
    {
        var result = new Dictionary<ulong, (long, string)>();
        foreach (var (path, timestamp, body) in requests)
        {
            var parts = path.Split('/');
            var at = Array.IndexOf(parts, "interactions");
            if (at >= 0 && parts[^1] == "callback")
            {
                result.Add(ulong.Parse(parts[at + 1], CultureInfo.InvariantCulture), (timestamp, body));
            }
        }

        return result;
    }
}
