using System.Diagnostics;
using System.Text;
using Bot.Discord.Rest;

namespace Bot.Tests.Discord.Rest;

/// <summary>Checks 41–45: buckets, 429s and the global limit, on the real clock against a Kestrel fake (waits of 1–2 s).</summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Integration)]
public sealed class DiscordRestClientRateLimitTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"content":"hi"}""");

    private static RestRoute Channel(ulong id, string what = "messages") =>
        DiscordRoutes.Bot(HttpMethod.Post, "/channels/{channel_id}/" + what, $"/channels/{id}/{what}", $"channel:{id}");

    [Test]
    public async Task SendAsync_BucketExhausted_HoldsThatBucketForResetAfterWhileOthersProceed()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/channels/1/messages",
            FakeResponse.Json("{}", 200, ("X-RateLimit-Bucket", "b1"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2")),
            FakeResponse.Json("{}"));

        await host.Rest.SendAsync(Channel(1), Body);
        var held = host.Rest.SendAsync(Channel(1), Body);
        var other = await host.Rest.SendAsync(Channel(9, "pins"), Body);
        await held;

        var first = host.Server.RequestsTo("POST", "/channels/1/messages");
        var pins = host.Server.RequestsTo("POST", "/channels/9/pins").Single();
        Assert.That(other.Result.IsSuccess, Is.True);
        Assert.That(first, Has.Count.EqualTo(2));
        Assert.That(RestTiming.Between(first[0], first[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(RestTiming.Between(first[0], pins), Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task SendAsync_RoutesSharingBucketHash_ShareOneLimiterPerMajorParameter()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/channels/\\d+/pins", FakeResponse.Json("{}", 200, ("X-RateLimit-Bucket", "shared"), ("X-RateLimit-Remaining", "4"), ("X-RateLimit-Reset-After", "2")));
        host.Server.Script("POST", "/channels/\\d+/messages", FakeResponse.Json("{}", 200, ("X-RateLimit-Bucket", "shared"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2")));

        await host.Rest.SendAsync(Channel(1, "pins"), Body);
        await host.Rest.SendAsync(Channel(1, "messages"), Body);
        var start = Stopwatch.GetTimestamp();
        var otherChannel = host.Rest.SendAsync(Channel(2, "pins"), Body);
        var sameBucket = host.Rest.SendAsync(Channel(1, "pins"), Body);
        await otherChannel;
        var otherElapsed = Stopwatch.GetElapsedTime(start);
        await sameBucket;

        var pins1 = host.Server.RequestsTo("POST", "/channels/1/pins");
        var messages1 = host.Server.RequestsTo("POST", "/channels/1/messages").Single();
        Assert.That(otherElapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "channel 2 has its own limiter");
        Assert.That(RestTiming.Between(messages1, pins1[1]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)), "pins shares the exhausted bucket of messages");
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
        await using var host = await RestTestHost.StartAsync();
        host.Server.Script("POST", "/channels/1/messages", FakeResponse.Json("""{"message":"You are being rate limited.","retry_after":1,"global":true}""", 429), FakeResponse.Json("{}"));

        var limited = host.Rest.SendAsync(Channel(1), Body);
        await host.Server.WaitForRequestsAsync("POST", "/channels/1/messages", 1);
        await Task.Delay(150);
        var other = host.Rest.SendAsync(Channel(2), Body);
        var callback = host.Rest.SendAsync(DiscordRoutes.InteractionCallback(5, "tok"), Body);
        var results = await Task.WhenAll(limited, other, callback);

        var first = host.Server.RequestsTo("POST", "/channels/1/messages")[0];
        Assert.That(results.Select(r => r.Result.IsSuccess), Is.All.True);
        Assert.That(RestTiming.Between(first, host.Server.RequestsTo("POST", "/channels/2/messages").Single()), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(RestTiming.Between(first, host.Server.RequestsTo("POST", "/interactions/5/tok/callback").Single()), Is.LessThan(TimeSpan.FromSeconds(0.9)));
    }

    [Test]
    public async Task SendAsync_ManyBotRequests_NeverMoreThan50InAnyOneSecond()
    {
        await using var host = await RestTestHost.StartAsync();

        await Task.WhenAll(Enumerable.Range(1, 120).Select(i => host.Rest.SendAsync(Channel((ulong)i), Body)));

        var times = host.Server.Requests.Select(r => r.Timestamp).Order().ToArray();
        var worst = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < Stopwatch.Frequency).Count()).Max();
        Assert.That(times, Has.Length.EqualTo(120));
        Assert.That(worst, Is.LessThanOrEqualTo(50));
    }
}
