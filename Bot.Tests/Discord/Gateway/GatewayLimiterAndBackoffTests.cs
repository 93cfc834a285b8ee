using System.Text.Json;
using Bot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord.Gateway;

/// <summary>Checks 22, 26 and 27: the send limiter and the backoff, on a fake clock.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GatewayLimiterAndBackoffTests
{
    [Test]
    public void TryAcquire_FloodWithHeartbeatsOver10Minutes_NeverExceeds120InAnySlidingWindowAndHeartbeatsAlwaysPass()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        var interval = TimeSpan.FromSeconds(1);
        limiter.ReserveFor(interval);
        var sent = new List<long>();
        var heartbeatsRefused = 0;
        var step = TimeSpan.FromMilliseconds(50);
        for (var t = TimeSpan.Zero; t < TimeSpan.FromMinutes(10); t += step)
        {
            if (t.Ticks % interval.Ticks == 0)
            {
                if (limiter.TryAcquire(heartbeat: true, out _))
                {
                    sent.Add(time.GetTimestamp());
                }
                else
                {
                    heartbeatsRefused++;
                }
            }

            // Presence flood: try ten user payloads per step.
            for (var i = 0; i < 10 && limiter.TryAcquire(heartbeat: false, out _); i++)
            {
                sent.Add(time.GetTimestamp());
            }

            time.Advance(step);
        }

        var worstWindow = sent.Select((start, i) => sent.Skip(i).TakeWhile(ts => time.GetElapsedTime(start, ts) < GatewaySendLimiter.Window).Count()).Max();
        Assert.Multiple(() =>
        {
            Assert.That(worstWindow, Is.LessThanOrEqualTo(120).And.GreaterThan(110), "uses the budget, never more");
            Assert.That(heartbeatsRefused, Is.Zero);
            Assert.That(limiter.ReservedForHeartbeats, Is.EqualTo(60), "one per beat in a window, capped at half the budget");
        });
    }

    [Test]
    public void TryAcquire_UserSlotsSpent_RetryAfterIsWhenTheOldestExpires()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        limiter.ReserveFor(TimeSpan.FromSeconds(41.25));
        for (var i = 0; i < 120 - limiter.ReservedForHeartbeats; i++)
        {
            Assert.That(limiter.TryAcquire(false, out _), Is.True);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Multiple(() =>
        {
            Assert.That(limiter.ReservedForHeartbeats, Is.EqualTo(4));
            Assert.That(limiter.TryAcquire(false, out var retryAfter), Is.False);
            Assert.That(retryAfter, Is.EqualTo(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(100 * 116)));
            Assert.That(limiter.TryAcquire(true, out _), Is.True, "heartbeat uses a reserved slot");
        });
    }

    [Test]
    public async Task SendAsync_PresenceFlood_StaysInBudgetAndHeartbeatStillGoesOut()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(0.5));
        var connection = await harness.ReadyAsync(1000);
        using var presence = JsonDocument.Parse("""{"status":"online","activities":[],"since":null,"afk":false}""");
        var flood = Enumerable.Range(0, 200).Select(_ => harness.Client.SendAsync(3, presence.RootElement)).ToList();
        await Eventually.ThatAsync(() => connection.SentOp(3).Count() >= 120 - 60 - 1, "budget used");
        await Task.Delay(100);
        var presencesInFirstWindow = connection.SentOp(3).Count();

        harness.Time.Advance(TimeSpan.FromMilliseconds(500));
        var beat = await GatewayHarness.SentAsync(connection, 1);

        Assert.Multiple(() =>
        {
            // IDENTIFY counted too: 120 - 60 reserved - 1 identify.
            Assert.That(presencesInFirstWindow, Is.EqualTo(59));
            Assert.That(harness.Between(connection.HelloAt!.Value, beat.Timestamp), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(flood.Count(t => !t.IsCompleted), Is.EqualTo(200 - 59));
        });
    }

    [Test]
    public void NextDelay_RepeatedFailures_GrowsExponentiallyToCapAtLeast60Seconds()
    {
        var backoff = new GatewayBackoff(new FixedRandom(1.0));
        var delays = Enumerable.Range(0, 12).Select(_ => backoff.NextDelay().TotalSeconds).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(delays, Is.EqualTo(new double[] { 0, 1, 2, 4, 8, 16, 32, 64, 120, 120, 120, 120 }));
            Assert.That(GatewayBackoff.Cap, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(60)));
        });
    }

    [Test]
    public void NextDelay_FullJitter_IsSpreadBelowTheCeiling()
    {
        var backoff = new GatewayBackoff(new Random(7));
        for (var i = 0; i < 7; i++)
        {
            backoff.NextDelay();
        }

        var samples = Enumerable.Range(0, 100).Select(_ => backoff.NextDelay()).ToList();
        Assert.That(samples, Has.All.LessThanOrEqualTo(GatewayBackoff.Cap));
        Assert.That(samples.Distinct().Count(), Is.GreaterThan(90));
    }

    [Test]
    public void Reset_AfterStableSession_StartsOverImmediately()
    {
        var backoff = new GatewayBackoff(new FixedRandom(1.0));
        for (var i = 0; i < 5; i++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();
        Assert.That(backoff.NextDelay(), Is.EqualTo(TimeSpan.Zero));
        Assert.That(backoff.NextDelay(), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task StableSession_ThenDrop_ResetsBackoffToImmediateReconnect()
    {
        await using var harness = GatewayHarness.Start(random: new FixedRandom(1.0));
        var connection = await harness.ReadyAsync(100_000);
        connection.ServerClose(4000);
        var second = await harness.ConnectionAsync(1);
        second.PushHello(100_000);
        await GatewayHarness.SentAsync(second, 6);
        second.PushDispatch("RESUMED", 2, "{}");
        await Eventually.ThatAsync(() => harness.Client.LastSequence == 2, "RESUMED");
        harness.Time.Advance(TimeSpan.FromSeconds(61));
        second.ServerClose(4000);

        // Without the reset this would be the 2nd attempt: 1 s.
        await harness.ConnectionAsync(2);
        Assert.That(harness.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 1104), Is.Zero);
    }
}
