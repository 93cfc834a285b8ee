using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bot.Data.Repositories;
using Bot.Strava;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Strava;
using Bot.Tests.Strava.Fakes;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Hosting;

/// <summary>
/// Issue 12 against the real bot process, the fake Strava and the fake Discord: Strava's events are unsigned, so a stranger
/// who knows the callback address and a member's public athlete id can send any event. Forged deletes, updates, creates
/// naming another athlete's activity and deauthorizations while the member's token works change nothing; a genuine
/// deauthorization deletes the member's Strava data; a flood of events for another subscription or to other paths stores
/// nothing, and a genuine event right after it is processed at once.
/// </summary>
[Category(TestCategories.Process)]
public sealed class WebhookTrustEndToEndTests
{
    private const long Ada = 91_001;
    private const long Bob = 91_002;
    private const long AdaDiscord = 801;
    private const long BobDiscord = 802;
    private const string Secret = "end-to-end-webhook-secret-0123456789abcdef";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private BotWorld _world = null!;
    private long _subscription;
    private Uri _webhook = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _world = await BotWorld.CreateAsync("webhook-trust");
        _webhook = new Uri(_world.BaseUrl + "/strava/webhook/" + Secret);
        _subscription = Strava.AddSubscription(_webhook.ToString()).Id;

        // Two linked, back-filled members: Ada with a run, Bob with a ride (both visible to any athlete, as on Strava).
        await using (var seed = await StravaTestHost.StartAsync(Strava, directory: _world.Folder))
        {
            var ada = await seed.AddLinkedMemberAsync(Ada, AdaDiscord);
            var bob = await seed.AddLinkedMemberAsync(Bob, BobDiscord);
            Strava.Athlete(Ada).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)) with { Name = "Ada's run" });
            Strava.Athlete(Bob).Add(new FakeActivity(60, "Bob's ride", "Ride", "Ride", new DateTime(2026, 3, 4, 8, 0, 0), TimeSpan.Zero, 3600, 3700));
            var sync = seed.GetInternal<ActivitySync>();
            await sync.RecheckActivityAsync(ada.Id, Ada, 50);
            await sync.RecheckActivityAsync(bob.Id, Bob, 60);
            await seed.Get<StravaSubscriptionStore>().SetAsync(_subscription);
        }

        SqliteConnection.ClearAllPools();
        _world.Start(new Dictionary<string, string?> { ["STRAVA_WEBHOOK_SECRET"] = Secret });

        // Started: the subscription at our secret address was listed and kept.
        await Eventually.ThatAsync(() => Strava.CallsTo("GET", "/api/v3/push_subscriptions").Count > 0, "the subscription check at start-up", Patience);
        await Eventually.ThatAsync(() => Answers(_world.BaseUrl + "/healthz"), "the web endpoints up", Patience);
    }

    [TearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    private FakeStravaServer Strava => _world.Strava;

    [Test]
    public async Task ForgedEvents_DeleteUpdateCreateForAnotherAthleteAndDeauthorization_ChangeNothing()
    {
        var before = Snapshot();
        var callsBefore = Strava.Calls.Count;
        object[] forged =
        [
            // Ada's run still exists on Strava: a forged delete, then a forged retitle.
            FakeStravaServer.Event("activity", 50, "delete", Ada, _subscription),
            FakeStravaServer.Event("activity", 50, "update", Ada, _subscription, new Dictionary<string, string> { ["title"] = "Hacked" }),

            // Bob's ride named as Ada's new activity.
            FakeStravaServer.Event("activity", 60, "create", Ada, _subscription),

            // Ada "revoked access" while her token works.
            FakeStravaServer.Event("athlete", Ada, "update", Ada, _subscription, new Dictionary<string, string> { ["authorized"] = "false" }),
        ];
        foreach (var body in forged)
        {
            using var response = await Strava.PostEventAsync(_webhook, body);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await Eventually.ThatAsync(() => Safely(() => Count("SELECT COUNT(*) FROM webhook_events WHERE processed_at_utc IS NULL") == 0
            && Count("SELECT COUNT(*) FROM webhook_events") > 0), "the forged events processed", Patience);

        var checks = Strava.Calls.Skip(callsBefore)
            .Where(c => c.Path.StartsWith("/api/v3/activities/", StringComparison.Ordinal) || c.Path == "/api/v3/athlete")
            .Select(c => c.Path).Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Snapshot(), Is.EqualTo(before), "activities, owners, titles, tokens and link states are as they were");
            Assert.That(checks.Distinct(), Is.EqualTo(new[] { "/api/v3/activities/50", "/api/v3/activities/60", "/api/v3/athlete" }), "each object re-checked with Strava");
            Assert.That(checks, Has.Count.LessThanOrEqualTo(forged.Length), "at most one read call per event (two for one object coalesce while waiting)");
        });
    }

    [Test]
    public async Task GenuineDeauthorization_TheMembersStravaDataIsDeleted()
    {
        Strava.RevokeAllTokens(Ada);

        using (var response = await Strava.PostEventAsync(_webhook,
            FakeStravaServer.Event("athlete", Ada, "update", Ada, _subscription, new Dictionary<string, string> { ["authorized"] = "false" })))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await Eventually.ThatAsync(() => Safely(() => Count($"SELECT COUNT(*) FROM activities WHERE id = 50") == 0), "Ada's activity deleted", Patience);
        await Eventually.ThatAsync(() => Safely(() => Count("SELECT COUNT(*) FROM webhook_events WHERE processed_at_utc IS NULL") == 0), "the queue empty", Patience);
        Assert.Multiple(() =>
        {
            Assert.That(Count($"SELECT COUNT(*) FROM members WHERE discord_user_id = {AdaDiscord} AND (access_token IS NOT NULL OR refresh_token IS NOT NULL)"), Is.Zero, "no token kept");
            Assert.That(Count($"SELECT COUNT(*) FROM members WHERE strava_athlete_id = {Ada}"), Is.Zero, "no athlete id kept");
            Assert.That(Count($"SELECT COUNT(*) FROM activities WHERE id = 60"), Is.EqualTo(1), "Bob's data untouched");
            Assert.That(Count($"SELECT COUNT(*) FROM members WHERE strava_athlete_id = {Bob} AND access_token IS NOT NULL"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Flood_OtherSubscriptionOrPaths_NothingStoredAndAGenuineEventRightAfterIsProcessedAtOnce()
    {
        using var stranger = SourceAddressClient.Create(IPAddress.Parse("127.0.0.2"), TimeSpan.FromSeconds(30));
        var statuses = new Dictionary<HttpStatusCode, int>();
        var flood = Stopwatch.StartNew();
        string[] paths = ["/strava/webhook", "/strava/webhook/guess", "/strava/callback", "/strava/webhook/" + Secret[..^1]];
        for (var i = 0; i < 3_000; i++)
        {
            var url = i % 3 == 0 ? new Uri(_world.BaseUrl + paths[i % paths.Length]) : _webhook;
            using var response = await stranger.PostAsJsonAsync(url, FakeStravaServer.Event("activity", 50, "delete", Ada, _subscription + 1 + i));
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }

        flood.Stop();
        Strava.Athlete(Ada).Add(FakeActivity.Run(70, new DateTime(2026, 3, 5, 8, 0, 0)));
        var genuine = Stopwatch.StartNew();
        using (var response = await Strava.PostEventAsync(_webhook, FakeStravaServer.Event("activity", 70, "create", Ada, _subscription)))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await Eventually.ThatAsync(() => Safely(() => Count("SELECT COUNT(*) FROM activities WHERE id = 70") == 1), "the genuine event's activity stored", Patience);
        genuine.Stop();
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"flood of 3,000 in {flood.Elapsed.TotalSeconds:F1} s: {string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}"))}; genuine event stored {genuine.Elapsed.TotalMilliseconds:F0} ms after it was sent"));
        Assert.Multiple(() =>
        {
            Assert.That(Count("SELECT COUNT(*) FROM webhook_events"), Is.EqualTo(1), "only the genuine event was ever stored");
            Assert.That(Count("SELECT COUNT(*) FROM activities WHERE id = 50"), Is.EqualTo(1));
            Assert.That(statuses.Keys, Is.SubsetOf(new[] { HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.TooManyRequests }));
            Assert.That(statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests), Is.GreaterThan(0), "the stranger's address hit its limit");
            Assert.That(genuine.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "processed at once, not after the flood's backlog");
        });
    }

    private static bool Answers(string url)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            using var response = client.GetAsync(url).GetAwaiter().GetResult();
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>What a forged event could change: the activities (owner, title, duration) and the members' tokens and link states.</summary>
    private string Snapshot() =>
        string.Join('\n', _world.Probe.Rows("SELECT id, member_id, name, sport_type, moving_time FROM activities ORDER BY id")
            .Concat(_world.Probe.Rows("SELECT id, strava_athlete_id, access_token, refresh_token, link_state FROM members ORDER BY id")));

    private long Count(string sql) => _world.Probe.Count(sql);

    private static bool Safely(Func<bool> read) => DatabaseProbe.Safely(read);
}
