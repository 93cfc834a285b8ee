using System.Text;
using Bot.Discord.Rest;
using Bot.Tests.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord.Rest;

/// <summary>
/// Checks 41–45: buckets, 429s and the global limit, against a Kestrel fake. Where a test bounds a wait from above
/// (another bucket or an interaction callback goes at once), the client runs on a fake clock that only the test moves,
/// and arrivals are read on it: a busy machine cannot stretch those waits, so the fixture runs beside others. Where only
/// "no earlier than" is asserted, the real clock is kept: a slow machine only makes the gap longer.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class DiscordRestClientRateLimitTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"content":"hi"}""");

    // Whatever the fake clock does not move may still take real time (the loopback round trip) but must never hang.
    private static readonly TimeSpan RealBound = TimeSpan.FromSeconds(10);

    private static RestRoute Channel(ulong id, string what = "messages") =>
        DiscordRoutes.Bot(HttpMethod.Post, "/channels/{channel_id}/" + what, $"/channels/{id}/{what}", $"channel:{id}");

    private static async Task<RestTestHost> OnClockAsync(TimerCountingClock clock)
    {
        var host = await RestTestHost.StartAsync(configure: services => services.AddSingleton<TimeProvider>(clock));
        host.Server.Clock = clock;
        return host;
    }

    /// <summary>
    /// Moves the fake clock to just before <paramref name="boundary"/> (nothing held may go yet: a request that went early
    /// would arrive in the pause and carry an earlier time), then a second past it.
    /// </summary>
    private static async Task PassAsync(TimerCountingClock clock, TimeSpan boundary)
    {
        clock.Fake.Advance(boundary - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        clock.Fake.Advance(TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task SendAsync_BucketExhausted_HoldsThatBucketForResetAfterWhileOthersProceed()
    {
        var clock = new TimerCountingClock(new FakeTimeProvider());
        await using var host = await OnClockAsync(clock);
        host.Server.Script("POST", "/channels/1/messages",
            FakeResponse.Json("{}", 200, ("X-RateLimit-Bucket", "b1"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2")),
            FakeResponse.Json("{}"));

        await host.Rest.SendAsync(Channel(1), Body);
        var held = host.Rest.SendAsync(Channel(1), Body);
        var other = await host.Rest.SendAsync(Channel(9, "pins"), Body).WaitAsync(RealBound);
        var heldBeforeReset = held.IsCompleted;
        await PassAsync(clock, TimeSpan.FromSeconds(2));
        await held.WaitAsync(RealBound);

        var first = host.Server.RequestsTo("POST", "/channels/1/messages");
        var pins = host.Server.RequestsTo("POST", "/channels/9/pins").Single();
        Assert.That(other.Result.IsSuccess, Is.True);
        Assert.That(heldBeforeReset, Is.False, "the held request waits for the clock");
        Assert.That(first, Has.Count.EqualTo(2));
        Assert.That(RestTiming.OnClock(first[0], first[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(RestTiming.OnClock(first[0], pins), Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task SendAsync_RoutesSharingBucketHash_ShareOneLimiterPerMajorParameter()
    {
        var clock = new TimerCountingClock(new FakeTimeProvider());
        await using var host = await OnClockAsync(clock);
        host.Server.Script("POST", "/channels/\\d+/pins", FakeResponse.Json("{}", 200, ("X-RateLimit-Bucket", "shared"), ("X-RateLimit-Remaining", "4"), ("X-RateLimit-Reset-After", "2")));
        host.Server.Script("POST", "/channels/\\d+/messages", FakeResponse.Json("{}", 200, ("X-RateLimit-Bucket", "shared"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2")));

        await host.Rest.SendAsync(Channel(1, "pins"), Body);
        await host.Rest.SendAsync(Channel(1, "messages"), Body);
        var otherChannel = host.Rest.SendAsync(Channel(2, "pins"), Body);
        var sameBucket = host.Rest.SendAsync(Channel(1, "pins"), Body);
        await otherChannel.WaitAsync(RealBound);
        await PassAsync(clock, TimeSpan.FromSeconds(2));
        await sameBucket.WaitAsync(RealBound);

        var pins1 = host.Server.RequestsTo("POST", "/channels/1/pins");
        var messages1 = host.Server.RequestsTo("POST", "/channels/1/messages").Single();
        var pins2 = host.Server.RequestsTo("POST", "/channels/2/pins").Single();
        Assert.That(RestTiming.OnClock(messages1, pins2), Is.LessThan(TimeSpan.FromSeconds(1)), "channel 2 has its own limiter");
        Assert.That(RestTiming.OnClock(messages1, pins1[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)), "pins shares the exhausted bucket of messages");
    }

    [TestCase("body")]
    [TestCase("header")]
    public async Task SendAsync_429WithRetryAfter_RetriesSameBucketNoEarlier(string where)
    {
        await using var host = await RestTestHost.StartAsync();
        var limited = where == "body"
            ? FakeResponse.Json("""{"message":"You are being rate limited.","retry_after":1.5,"global":false}""", 429, ("X-RateLimit-Bucket", "b"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.1"), ("X-RateLimit-Scope", "user"))
            : new FakeResponse(429, null, new Dictionary<string, string> { ["Retry-After"] = "1.5", ["X-RateLimit-Bucket"] = "b", ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Scope"] = "user" });
        host.Server.Script("POST", "/channels/1/messages", limited, FakeResponse.Json("{}"));

        var response = await host.Rest.SendAsync(Channel(1), Body);

        var requests = host.Server.RequestsTo("POST", "/channels/1/messages");
        Assert.That(response.Result.IsSuccess, Is.True);
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(RestTiming.Between(requests[0], requests[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.5)));
    }

    [Test]
    public async Task SendAsync_Repeated429_RetriesMaxRestRetriesThenReturnsRateLimited()
    {
        await using var host = await RestTestHost.StartAsync(options: o => o.MaxRestRetries = 2);
        host.Server.Script("POST", "/channels/1/messages", FakeResponse.Json("""{"message":"slow down","retry_after":0.05,"global":false}""", 429, ("X-RateLimit-Bucket", "b"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.05")));

        var response = await host.Rest.SendAsync(Channel(1), Body);

        Assert.That(response.Result.Kind, Is.EqualTo(DiscordResultKind.RateLimited));
        Assert.That(host.Server.RequestsTo("POST", "/channels/1/messages"), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task SendAsync_GlobalHeaderless429_PausesAllBotRoutesButNotInteractionCallbacks()
    {
        var clock = new TimerCountingClock(new FakeTimeProvider());
        await using var host = await OnClockAsync(clock);
        host.Server.Script("POST", "/channels/1/messages", FakeResponse.Json("""{"message":"You are being rate limited.","retry_after":1,"global":true}""", 429), FakeResponse.Json("{}"));

        var limited = host.Rest.SendAsync(Channel(1), Body);
        // The client holds every bot route before it waits for its own retry: its retry timer means the pause is set.
        await Eventually.ThatAsync(() => clock.TimersCreated >= 1, "the limited request waiting for its retry", RealBound);
        var other = host.Rest.SendAsync(Channel(2), Body);
        var callback = await host.Rest.SendAsync(DiscordRoutes.InteractionCallback(5, "tok"), Body).WaitAsync(RealBound);
        await PassAsync(clock, TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(limited, other).WaitAsync(RealBound);

        var first = host.Server.RequestsTo("POST", "/channels/1/messages")[0];
        Assert.That(results.Append(callback).Select(r => r.Result.IsSuccess), Is.All.True);
        Assert.That(RestTiming.OnClock(first, host.Server.RequestsTo("POST", "/channels/2/messages").Single()), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(RestTiming.OnClock(first, host.Server.RequestsTo("POST", "/interactions/5/tok/callback").Single()), Is.LessThan(TimeSpan.FromSeconds(0.9)));
    }

    [Test]
    public async Task SendAsync_ManyBotRequests_NeverMoreThan50InAnyOneSecond()
    {
        var clock = new TimerCountingClock(new FakeTimeProvider());
        await using var host = await OnClockAsync(clock);

        var settings = host.Services.GetRequiredService<RestSettings>();
        var all = Task.WhenAll(Enumerable.Range(1, 120).Select(i => host.Rest.SendAsync(Channel((ulong)i), Body)));
        // One of the client's windows at a time, each once the requests it allows have arrived: nothing is in flight
        // when the clock moves, so every arrival carries the instant the limiter let it go.
        for (var window = 1; !all.IsCompleted && window <= 10; window++)
        {
            await host.Server.WaitForRequestsAsync("POST", "/channels/\\d+/messages", Math.Min(120, settings.GlobalRequestsPerWindow * window));
            clock.Fake.Advance(settings.GlobalWindow);
            await Task.WhenAny(all, Task.Delay(10));
        }

        await all.WaitAsync(RealBound);
        var times = host.Server.Requests.Select(r => r.ClockAt).Order().ToArray();
        var worst = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.That(times, Has.Length.EqualTo(120));
        Assert.That(worst, Is.LessThanOrEqualTo(50));
    }
}
