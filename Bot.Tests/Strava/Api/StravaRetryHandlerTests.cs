using System.Net;
using Bot.Strava.Api;

namespace Bot.Tests.Strava.Api;

[Category(TestCategories.Unit)]
public sealed class StravaRetryHandlerTests
{
    private static readonly StravaHttpSettings Quick = new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(100),
        TotalTimeout = TimeSpan.FromSeconds(20),
        RetryDelay = TimeSpan.FromMilliseconds(10),
        RetryAttempts = 2,
    };

    [Test]
    public void SendAsync_EveryAttemptHangs_ThrowsTimeoutAfterOneTryAndTwoRetries()
    {
        var inner = new CountingHandler(static async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var invoker = Invoker(Quick, inner);

        Assert.ThrowsAsync<TimeoutException>(() => invoker.SendAsync(Get(), CancellationToken.None));
        Assert.That(inner.Calls, Is.EqualTo(3));
    }

    [Test]
    public void SendAsync_TotalTimeShorterThanTheAttempts_ThrowsTimeoutWithoutWaitingForThemAll()
    {
        var inner = new CountingHandler(static (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)));
        var settings = new StravaHttpSettings { TotalTimeout = TimeSpan.FromMilliseconds(200), RetryDelay = TimeSpan.FromSeconds(30), RetryAttempts = 3 };
        using var invoker = Invoker(settings, inner);

        Assert.ThrowsAsync<TimeoutException>(() => invoker.SendAsync(Get(), CancellationToken.None));
        Assert.That(inner.Calls, Is.EqualTo(1));
    }

    [Test]
    public void SendAsync_CallerCancels_CancelledAndNotRetried()
    {
        using var cancel = new CancellationTokenSource();
        var inner = new CountingHandler(async (_, token) =>
        {
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var invoker = Invoker(Quick, inner);

        Assert.CatchAsync<OperationCanceledException>(() => invoker.SendAsync(Get(), cancel.Token));
        Assert.That(inner.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_ServerErrorOnEveryAttempt_ReturnsTheLastAnswer()
    {
        var inner = new CountingHandler(static (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var invoker = Invoker(Quick, inner);

        using var response = await invoker.SendAsync(Get(), CancellationToken.None);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(inner.Calls, Is.EqualTo(3));
    }

    [TestCase(0, 750, 1250)]
    [TestCase(2, 3000, 5000)]
    public void Backoff_Attempt_DoublesTheDelayGiveOrTakeAQuarter(int attempt, int minMs, int maxMs)
    {
        using var handler = new StravaRetryHandler(new StravaHttpSettings { RetryDelay = TimeSpan.FromSeconds(1) }, TimeProvider.System);

        var waits = Enumerable.Range(0, 50).Select(_ => handler.Backoff(attempt).TotalMilliseconds).ToList();

        Assert.That(waits, Is.All.InRange(minMs, maxMs));
    }

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "http://127.0.0.1:9/api/v3/athlete");

    private static HttpMessageInvoker Invoker(StravaHttpSettings settings, CountingHandler inner) =>
        new(new StravaRetryHandler(settings, TimeProvider.System) { InnerHandler = inner });

    private sealed class CountingHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return answer(request, cancellationToken);
        }
    }
}
