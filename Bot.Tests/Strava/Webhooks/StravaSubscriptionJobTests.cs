using Bot.Data.Repositories;
using Bot.Strava.Webhooks;
using Bot.Tests.Strava.Fakes;

namespace Bot.Tests.Strava.Webhooks;

/// <summary>strava-api.md §4 behaviour 22: the subscription on start-up, at the secret callback path (issue 12).</summary>
[Category(TestCategories.Integration)]
public sealed class StravaSubscriptionJobTests
{
    private const string Secret = "a-webhook-secret-of-at-least-32-characters";
    private const string Callback = StravaTestHost.PublicBaseUrl + "/strava/webhook/" + Secret;

    private FakeStravaServer _strava = null!;

    [SetUp]
    public async Task SetUpAsync() => _strava = await FakeStravaServer.StartAsync();

    [TearDown]
    public async Task TearDownAsync() => await _strava.DisposeAsync();

    [Test]
    public async Task Ensure_MatchingSubscriptionExists_ReusedWithNoPost()
    {
        var existing = _strava.AddSubscription(Callback);
        await using var host = await StravaTestHost.StartAsync(_strava, settings: s => s["STRAVA_WEBHOOK_SECRET"] = Secret);

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
        await using var host = await StravaTestHost.StartAsync(_strava, settings: s => s["STRAVA_WEBHOOK_SECRET"] = Secret);

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
    public async Task Ensure_NoSecretConfigured_OneGeneratedKeptAndUsedInTheCallback()
    {
        var directory = Path.Combine(Path.GetTempPath(), "challengebot-webhook-secret-" + Guid.NewGuid().ToString("N"));
        try
        {
            string firstCallback;
            await using (var first = await StravaTestHost.StartAsync(_strava, directory: directory))
            {
                await first.GetInternal<StravaSubscriptionJob>().EnsureAsync(CancellationToken.None);
                firstCallback = _strava.CallsTo("POST", "/api/v3/push_subscriptions").Single().FormValue("callback_url")!;
            }

            await using var second = await StravaTestHost.StartAsync(_strava, directory: directory);
            await second.GetInternal<StravaSubscriptionJob>().EnsureAsync(CancellationToken.None);

            var secret = firstCallback[(StravaTestHost.PublicBaseUrl + "/strava/webhook/").Length..];
            Assert.Multiple(() =>
            {
                Assert.That(firstCallback, Does.StartWith(StravaTestHost.PublicBaseUrl + "/strava/webhook/"));
                Assert.That(secret, Does.Match("^[A-Za-z0-9_-]{43}$"), "32 random bytes, base64url");
                Assert.That(_strava.CallsTo("POST", "/api/v3/push_subscriptions"), Has.Count.EqualTo(1), "after a restart the same secret is reused: no new subscription");
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task Ensure_SecretChanged_SubscribedAgainAtTheNewAddress()
    {
        var old = _strava.AddSubscription(StravaTestHost.PublicBaseUrl + "/strava/webhook/an-older-secret-that-was-rotated-away-now");
        await using var host = await StravaTestHost.StartAsync(_strava, settings: s => s["STRAVA_WEBHOOK_SECRET"] = Secret);

        var id = await host.GetInternal<StravaSubscriptionJob>().EnsureAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_strava.CallsTo("DELETE", $"/api/v3/push_subscriptions/{old.Id}"), Has.Count.EqualTo(1));
            Assert.That(_strava.Subscriptions.Select(s => (s.Id, s.CallbackUrl)), Is.EqualTo(new[] { (id!.Value, Callback) }));
        });
    }

    [Test]
    public async Task Ensure_RunTwice_CreatesAtMostOneSubscription()
    {
        await using var host = await StravaTestHost.StartAsync(_strava, settings: s => s["STRAVA_WEBHOOK_SECRET"] = Secret);
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
        await using var host = await StravaTestHost.StartAsync(_strava, settings: s => s["STRAVA_WEBHOOK_SECRET"] = Secret);

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
        await using var host = await StravaTestHost.StartAsync(_strava, settings: s => s["STRAVA_WEBHOOK_SECRET"] = Secret);

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
