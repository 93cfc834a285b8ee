using Bot.Data.Repositories;
using Bot.Strava;
using Bot.Tests.Strava.Fakes;

namespace Bot.Tests.Strava;

/// <summary>strava-api.md §4 behaviour 22: the subscription on start-up.</summary>
public sealed class StravaSubscriptionJobTests
{
    private const string Callback = StravaTestHost.PublicBaseUrl + "/strava/webhook";

    private FakeStravaServer _strava = null!;

    [SetUp]
    public async Task SetUpAsync() => _strava = await FakeStravaServer.StartAsync();

    [TearDown]
    public async Task TearDownAsync() => await _strava.DisposeAsync();

    [Test]
    public async Task Ensure_MatchingSubscriptionExists_ReusedWithNoPost()
    {
        var existing = _strava.AddSubscription(Callback);
        await using var host = await StravaTestHost.StartAsync(_strava);

        var id = await host.GetInternal<StravaSubscriptionJob>().EnsureAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(id, Is.EqualTo(existing.Id));
            Assert.That(_strava.Calls.Select(c => c.Method), Is.EqualTo(new[] { "GET" }), "listed first, nothing created or deleted");
            Assert.That(await host.Get<StravaSubscriptionStore>().GetAsync(), Is.EqualTo(existing.Id));
        });
    }

    [Test]
    public async Task Ensure_StaleSubscriptionExists_DeletedThenOneCreated()
    {
        var stale = _strava.AddSubscription("http://old.example.test/strava/webhook");
        await using var host = await StravaTestHost.StartAsync(_strava);

        var id = await host.GetInternal<StravaSubscriptionJob>().EnsureAsync(CancellationToken.None);

        var create = _strava.CallsTo("POST", "/api/v3/push_subscriptions").Single();
        Assert.Multiple(() =>
        {
            Assert.That(_strava.Calls.Select(c => c.Method), Is.EqualTo(new[] { "GET", "DELETE", "POST" }));
            Assert.That(_strava.CallsTo("DELETE", $"/api/v3/push_subscriptions/{stale.Id}"), Has.Count.EqualTo(1));
            Assert.That(create.FormValue("callback_url"), Is.EqualTo(Callback));
            Assert.That(create.FormValue("verify_token"), Is.EqualTo("verify-me"));
            Assert.That(_strava.Subscriptions.Select(s => s.Id), Is.EqualTo(new[] { id!.Value }));
        });
    }

    [Test]
    public async Task Ensure_RunTwice_CreatesAtMostOneSubscription()
    {
        await using var host = await StravaTestHost.StartAsync(_strava);
        var job = host.GetInternal<StravaSubscriptionJob>();

        var first = await job.EnsureAsync(CancellationToken.None);
        var second = await job.EnsureAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(_strava.CallsTo("POST", "/api/v3/push_subscriptions"), Has.Count.EqualTo(1));
            Assert.That(_strava.Subscriptions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Ensure_NoPublicBaseUrl_SkippedWithNoCall()
    {
        await using var host = await StravaTestHost.StartAsync(_strava, settings: s => s["PUBLIC_BASE_URL"] = null);

        var id = await host.GetInternal<StravaSubscriptionJob>().EnsureAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Null);
            Assert.That(_strava.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task Ensure_ListingFails_NothingCreated()
    {
        _strava.Script("GET", "/api/v3/push_subscriptions", FakeStravaAnswer.Garbage);
        await using var host = await StravaTestHost.StartAsync(_strava);

        var id = await host.GetInternal<StravaSubscriptionJob>().EnsureAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Null);
            Assert.That(_strava.CallsTo("POST", "/api/v3/push_subscriptions"), Is.Empty);
        });
    }

    [Test]
    public async Task Ensure_RetriedServerErrors_TheClientSecretInTheQueryNeverReachesTheLogs()
    {
        _strava.Script("GET", "/api/v3/push_subscriptions", FakeStravaAnswer.ServerError, FakeStravaAnswer.ServerError);
        await using var host = await StravaTestHost.StartAsync(_strava);

        await host.GetInternal<StravaSubscriptionJob>().EnsureAsync(CancellationToken.None);

        var logged = host.Logs.GetSnapshot();
        var text = string.Join("\n", logged.Select(r => r.Message + " " + r.Exception + " " + string.Join(",", r.StructuredState ?? [])));
        Assert.Multiple(() =>
        {
            Assert.That(_strava.CallsTo("GET", "/api/v3/push_subscriptions"), Has.Count.EqualTo(3), "two failed attempts, retried, then the listing");
            Assert.That(logged, Is.Not.Empty);
            Assert.That(text, Does.Not.Contain(FakeStravaServer.ClientSecret));
        });
    }
}
