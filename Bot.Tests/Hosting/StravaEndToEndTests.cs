using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Bot.Data;
using Bot.Data.Repositories;
using Bot.Strava.Linking;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Strava.Fakes;
using Bot.Tests.Support;
using Bot.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Hosting;

/// <summary>
/// Issue 5's end-to-end test: the real bot process against the fake Discord and the fake Strava. At start-up it
/// ensures the push subscription (with Strava's GET handshake against its own webhook); a member follows the link the
/// bot sent to Discord to the connect page (naming their account and server), its button to Strava, and the real
/// callback; the season is back-filled in at most
/// three list calls; <c>/week</c> shows the back-filled runs; a webhook event for a new run is stored by the
/// queue processor with one fetch, and <c>/week</c> shows one more point. The commands themselves never call
/// Strava: the fake's call log is unchanged across each of them.
/// </summary>
[NonParallelizable]
[Category(TestCategories.Process)]
public sealed class StravaEndToEndTests
{
    private const long Guild = 4343;
    private const long DiscordUser = 301;
    private const long AthleteId = 777_001;
    private const string VerifyToken = "e2e-verify-token";
    private const string StateKey = "e2e-state-signing-key-of-forty-characters!";
    private const string ServerName = "Engines & Runners";
    private const string Account = "Ada L. (@ada)";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private BotWorld _world = null!;

    // How many Strava calls there were when the last quiet window ended, until a command is sent after it.
    private int? _settledAt;

    [SetUp]
    public async Task SetUp()
    {
        _world = await BotWorld.CreateAsync("strava-e2e");
        await SeedChallengeAsync();

        // Strava checks the callback before it creates a subscription: the bot must answer its own handshake.
        _world.Strava.VerifyCallbackOnCreate = true;
        _world.Strava.AddAthlete(AthleteId, "Ada", "Lovelace");
        _world.Strava.AuthorizingAthleteId = AthleteId;
        _world.Discord.GuildName = ServerName;
        _world.Start(new Dictionary<string, string?> { ["STRAVA_WEBHOOK_VERIFY_TOKEN"] = VerifyToken, ["STATE_SIGNING_KEY"] = StateKey });
        await Eventually.ThatAsync(() => _world.Discord.RestRequests.Any(r => r.Method == "PUT"), "command registration", Patience);
    }

    [TearDown]
    public async Task TearDown() => await _world.DisposeAsync();


    [Test]
    public async Task LinkBackfillWebhook_RealProcess_WeekChangesWithoutStravaCallsFromCommands()
    {
        var runs = SeasonRuns.AroundToday();
        var athlete = _world.Strava.Athlete(AthleteId);
        athlete.Add([.. runs.ThisWeek, .. runs.Older, .. runs.Outside]);

        var (subscription, startup) = await AssertStartupSubscribesAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) };
        var (authorize, linkCalls) = await FollowTheLinkToStravaAsync(browser);
        var callback = await ConsentAndCallBackAsync(browser, authorize);
        var backfill = await AssertBackfilledAsync(runs, callback);

        // 4. /week for the current week: the member with the two back-filled runs; no Strava call.
        var weekCalls = await AssertWeekShowsAsync("**Ada Lovelace** — 2/3", $"Week {runs.CurrentWeek}");

        // 5. Strava pushes the new run; 6. /week again: one more point, and again no Strava call from the command.
        athlete.Add(runs.New);
        var (acknowledged, stored) = await AssertPushedRunStoredAsync(subscription, runs.New.Id);
        var againCalls = await AssertWeekShowsAsync("**Ada Lovelace** — 3/3", null);

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"start-up calls {startup.Count}; link phase: {backfill.TokenCalls} token + {backfill.ListCalls} list calls for {backfill.Stored} stored of {athlete.Activities.Count - 1} on Strava, "
            + $"back-fill done {backfill.Seconds:F1} s after the callback; webhook ack {acknowledged.TotalMilliseconds:F0} ms, stored {stored.TotalMilliseconds:F0} ms later; "
            + $"Strava calls by /strava_auth, /week, /week: {linkCalls.Count}, {weekCalls.Count}, {againCalls.Count}"));
    }

    /// <summary>Start-up: the subscription is listed, then created (after Strava's handshake), and stored; no other call.</summary>
    private async Task<(FakeSubscription Subscription, IReadOnlyList<FakeStravaCall> Calls)> AssertStartupSubscribesAsync()
    {
        await Eventually.ThatAsync(() => Safely(() => StoredSubscriptionId() is not null), "the push subscription stored by the bot", Patience);
        var subscription = _world.Strava.Subscriptions.Single();
        var startup = await QuietCallsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(subscription.CallbackUrl, Does.Match("^" + System.Text.RegularExpressions.Regex.Escape(_world.BaseUrl) + "/strava/webhook/[A-Za-z0-9_-]{43}$"), "the secret callback path");
            Assert.That(StoredSubscriptionId(), Is.EqualTo(subscription.Id));
            Assert.That(startup.Select(c => $"{c.Method} {c.Path}"), Is.EqualTo(new[] { "GET /api/v3/push_subscriptions", "POST /api/v3/push_subscriptions" }),
                "start-up calls: list, then create (no member yet, so nothing to re-check)");
            Assert.That(startup[1].FormValue("verify_token"), Is.EqualTo(VerifyToken));
        });
        return (subscription, startup.ToList());
    }

    /// <summary>
    /// 1. /strava_auth: a private answer with a link to our connect page; the command itself makes no Strava call.
    /// The page names the account and server, and its button is Strava's authorize URL with the same state.
    /// </summary>
    private async Task<(Uri Authorize, IReadOnlyList<FakeStravaCall> LinkCalls)> FollowTheLinkToStravaAsync(HttpClient browser)
    {
        var (linkAnswer, _, linkCalls) = await InvokeAsync("strava_auth", expectPublic: false);
        using var linkBody = JsonDocument.Parse(linkAnswer.Body);
        var connect = ConnectPageHtml.LinkIn(linkBody.RootElement.GetProperty("content").GetString()!);
        var state = QueryHelpers.ParseQuery(connect.Query)["state"].ToString();
        var (connectStatus, connectPage) = await PageAsync(browser, connect);
        var authorize = ConnectPageHtml.ButtonTarget(connectPage)!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Multiple(() =>
        {
            Assert.That(linkCalls, Is.Empty, "/strava_auth calls Strava");
            Assert.That(connect.GetLeftPart(UriPartial.Path), Is.EqualTo(_world.BaseUrl + "/strava/connect"));
            Assert.That(connectStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(WebUtility.HtmlDecode(connectPage), Does.Contain($"Connect Strava for {Account} in {ServerName} — continue only if this is you"));
            Assert.That(authorize.GetLeftPart(UriPartial.Path), Is.EqualTo(_world.Strava.OAuthBaseUrl + "/authorize"));
            Assert.That(query["client_id"].ToString(), Is.EqualTo(FakeStravaServer.ClientId));
            Assert.That(query["redirect_uri"].ToString(), Is.EqualTo(_world.BaseUrl + "/strava/callback"));
            Assert.That(query["response_type"].ToString(), Is.EqualTo("code"));
            Assert.That(query["scope"].ToString(), Is.EqualTo("read,activity:read_all"));
            Assert.That(query["approval_prompt"].ToString(), Is.EqualTo("auto"));
            Assert.That(query["state"].ToString(), Is.EqualTo(state), "the page's own state");
        });
        return (authorize, linkCalls);
    }

    /// <summary>
    /// 2. The browser: Strava's consent page redirects to the bot's callback with a code and the same state; the callback
    /// links the member (its page and a DM name the Discord account).
    /// </summary>
    private async Task<Callback> ConsentAndCallBackAsync(HttpClient browser, Uri authorize)
    {
        using var consent = await browser.GetAsync(authorize);
        var redirect = consent.Headers.Location!;
        var redirectQuery = QueryHelpers.ParseQuery(redirect.Query);
        Assert.Multiple(() =>
        {
            Assert.That(consent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(redirect.GetLeftPart(UriPartial.Path), Is.EqualTo(_world.BaseUrl + "/strava/callback"));
            Assert.That(redirectQuery["state"].ToString(), Is.EqualTo(QueryHelpers.ParseQuery(authorize.Query)["state"].ToString()));
        });

        var linked = Stopwatch.StartNew();
        var beforeCallback = _world.Strava.Calls.Count;
        using var callback = await browser.GetAsync(redirect);
        var page = await callback.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
            Assert.That(WebUtility.HtmlDecode(page), Does.Contain("Strava linked").And.Contain("Ada Lovelace")
                .And.Contain($"linked to the Discord account {Account} in {ServerName}"), "the success page names the Discord account");
        });

        await Eventually.ThatAsync(() => DirectMessages().Any(m => m.Contains("Strava linked as **Ada Lovelace**", StringComparison.Ordinal)),
            "the member's DM on the fake Discord", Patience);
        var dmChannel = _world.Discord.RestRequests.Single(r => r.Method == "POST" && r.Path == "/api/v10/users/@me/channels");
        Assert.That(dmChannel.Body, Does.Contain($"\"{DiscordUser}\""), "the DM goes to the member who ran /strava_auth");
        return new Callback(redirectQuery["code"].ToString(), beforeCallback, linked);
    }

    /// <summary>
    /// 3. The back-fill: the season's activities, nothing outside it, in at most three list calls of 200, after one
    /// exchange of the callback's code (every Strava call since the callback).
    /// </summary>
    private async Task<(int TokenCalls, int ListCalls, int Stored, double Seconds)> AssertBackfilledAsync(SeasonRuns runs, Callback callback)
    {
        var expectedStored = runs.ThisWeek.Concat(runs.Older).Select(a => a.Id).Order().ToList();
        await Eventually.ThatAsync(() => Safely(() => StoredActivityIds().Count >= expectedStored.Count && BackfillsDone() == 1), $"{expectedStored.Count} back-filled activities, the back-fill done", Patience);
        var backfillSeconds = callback.Linked.Elapsed.TotalSeconds;
        var linkPhase = (await QuietCallsAsync()).Skip(callback.StravaCallsBefore).ToList();
        var tokenCalls = linkPhase.Where(c => c.Method == "POST" && c.Path == "/oauth/token").ToList();
        var lists = linkPhase.Where(c => c.Method == "GET" && c.Path == "/api/v3/athlete/activities").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(StoredActivityIds(), Is.EqualTo(expectedStored), "exactly the season's activities are stored");
            Assert.That(tokenCalls, Has.Count.EqualTo(1), "one code exchange");
            Assert.That(tokenCalls[0].FormValue("grant_type"), Is.EqualTo("authorization_code"));
            Assert.That(tokenCalls[0].FormValue("code"), Is.EqualTo(callback.Code));
            Assert.That(lists, Has.Count.InRange(1, 3), "list calls of the back-fill");
            Assert.That(lists.All(c => c.QueryValue("per_page") == "200"), Is.True, "per_page=200");
            Assert.That(linkPhase.Count, Is.EqualTo(tokenCalls.Count + lists.Count), "calls of the link phase: " + Describe(linkPhase));
        });
        return (tokenCalls.Count, lists.Count, expectedStored.Count, backfillSeconds);
    }

    /// <summary>/week by the member: the report shows <paramref name="line"/>, and the command made no Strava call (returned).</summary>
    private async Task<IReadOnlyList<FakeStravaCall>> AssertWeekShowsAsync(string line, string? note)
    {
        var (weekNote, weekPosts, weekCalls) = await InvokeAsync("week");
        var report = Text(weekPosts);
        Assert.Multiple(() =>
        {
            Assert.That(weekCalls, Is.Empty, "/week calls Strava: " + Describe(weekCalls));
            if (note is not null)
            {
                Assert.That(weekNote.Body, Does.Contain(note));
            }

            Assert.That(report, Does.Contain(line), report);
        });
        return weekCalls;
    }

    /// <summary>
    /// 5. A webhook event of a foreign subscription is dropped at the door; then Strava pushes the new run: acknowledged at
    /// once, fetched by the queue processor with one call, stored. Returns how long the acknowledgement and the storing took.
    /// </summary>
    private async Task<(TimeSpan Acknowledged, TimeSpan Stored)> AssertPushedRunStoredAsync(FakeSubscription subscription, long runId)
    {
        var webhook = new Uri(subscription.CallbackUrl);
        var beforeEvents = _world.Strava.Calls.Count;
        using (var foreign = await _world.Strava.PostEventAsync(webhook, FakeStravaServer.Event("activity", runId, "create", AthleteId, subscription.Id + 1)))
        {
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a foreign event is acknowledged (and dropped)");
        }

        Assert.That((StoredEvents(), StoredActivityIds().Contains(runId), _world.Strava.Calls.Count - beforeEvents), Is.EqualTo((0L, false, 0)),
            "a foreign event is not stored, costs no call and stores nothing");

        var acknowledged = Stopwatch.StartNew();
        using (var pushed = await _world.Strava.PostEventAsync(webhook, FakeStravaServer.Event("activity", runId, "create", AthleteId, subscription.Id)))
        {
            acknowledged.Stop();
            Assert.That(pushed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var stored = Stopwatch.StartNew();
        await Eventually.ThatAsync(() => Safely(() => StoredActivityIds().Contains(runId) && ProcessedEvents() == 1), "the pushed activity stored, its event processed", TimeSpan.FromSeconds(30));
        stored.Stop();
        var eventPhase = (await QuietCallsAsync()).Skip(beforeEvents).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(acknowledged.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "Strava needs the answer within 2 s");
            Assert.That(eventPhase.Select(c => $"{c.Method} {c.Path}"), Is.EqualTo(new[] { $"GET /api/v3/activities/{runId}" }), "the processor's one fetch");
            Assert.That(ProcessedEvents(), Is.EqualTo(1));
        });
        return (acknowledged.Elapsed, stored.Elapsed);
    }

    [Test]
    public async Task ConnectPage_RealProcess_LookingTwiceSpendsNothingAndForgedOrExpiredStatesAreRefused()
    {
        // This test counts no Strava calls: the command need not wait for the start-up's to settle, nor collect after it.
        var (linkAnswer, _, _) = await InvokeAsync("strava_auth", expectPublic: false, countCalls: false);
        using var linkBody = JsonDocument.Parse(linkAnswer.Body);
        var connect = ConnectPageHtml.LinkIn(linkBody.RootElement.GetProperty("content").GetString()!);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) };

        var first = await PageAsync(browser, connect);
        var second = await PageAsync(browser, connect);
        var forged = await PageAsync(browser, new Uri(_world.BaseUrl + "/strava/connect?state=" + Uri.EscapeDataString(Forged(connect))));
        var expired = await PageAsync(browser, new Uri(_world.BaseUrl + "/strava/connect?state=" + Uri.EscapeDataString(await ExpiredStateAsync())));

        // The state survives both looks: Strava's redirect with it is still accepted by the callback, once.
        using var consent = await browser.GetAsync(ConnectPageHtml.ButtonTarget(second.Html));
        using var callback = await browser.GetAsync(consent.Headers.Location);
        var success = WebUtility.HtmlDecode(await callback.Content.ReadAsStringAsync());
        var after = await PageAsync(browser, connect);
        Assert.Multiple(() =>
        {
            Assert.That((first.Status, second.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(WebUtility.HtmlDecode(second.Html), Does.Contain($"Connect Strava for {Account} in {ServerName}"));
            Assert.That((forged.Status, forged.Html.Contains("not issued by ChallengeBot", StringComparison.Ordinal), ConnectPageHtml.ButtonTarget(forged.Html)),
                Is.EqualTo((HttpStatusCode.BadRequest, true, (Uri?)null)), forged.Html);
            Assert.That((expired.Status, expired.Html.Contains("expired", StringComparison.Ordinal), ConnectPageHtml.ButtonTarget(expired.Html)),
                Is.EqualTo((HttpStatusCode.BadRequest, true, (Uri?)null)), expired.Html);
            Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.OK), success);
            Assert.That(success, Does.Contain($"linked to the Discord account {Account} in {ServerName}"));
            Assert.That((after.Status, after.Html.Contains("already used", StringComparison.Ordinal)), Is.EqualTo((HttpStatusCode.BadRequest, true)), "the callback spent it");
        });
    }

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient browser, Uri url)
    {
        using var response = await browser.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The link's state re-bound to another Discord user: the signature no longer matches.</summary>
    private static string Forged(Uri connect)
    {
        var state = QueryHelpers.ParseQuery(connect.Query)["state"].ToString();
        var dot = state.IndexOf('.', StringComparison.Ordinal);
        var payload = System.Text.Encoding.ASCII.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(state.AsSpan(0, dot)));
        var rebound = payload.Replace($":{DiscordUser}:", ":999:", StringComparison.Ordinal);
        return System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.ASCII.GetBytes(rebound)) + state[dot..];
    }

    /// <summary>A genuine state (the bot's key, stored in its database) issued eleven minutes ago: past its ten.</summary>
    private async Task<string> ExpiredStateAsync()
    {
        await using var services = new ServiceCollection().AddChallengeData(_world.Database).BuildServiceProvider();
        var key = new StateSigningKey(Options.Create(new WebOptions { StateSigningKey = StateKey }), services.GetRequiredService<AppSettingRepository>());
        var states = new OAuthStates(key, services.GetRequiredService<OAuthStateRepository>(), new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(11)));
        return await states.IssueAsync(DiscordUser, Guild, new LinkLabels(Account, ServerName), forceApproval: false, CancellationToken.None);
    }


    private static string Describe(IEnumerable<FakeStravaCall> calls) => string.Join(", ", calls.Select(c => $"{c.Method} {c.Path}"));

    private async Task SeedChallengeAsync()
    {
        var season = ISOWeek.GetYear(DateTime.UtcNow);
        await using var services = new ServiceCollection().AddChallengeData(_world.Database).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<ChallengeRepository>().SaveRulesAsync(Guild, season, "{}");
    }

    /// <summary>
    /// Every call the fake Strava saw, once no new call has come for half a second. Each step first waits for the exact sign
    /// that its background work is done (the subscription stored, the back-fill marked done, the event processed); the
    /// window then catches a call that should not have come (the fixture runs alone, so the bot is not slowed by others).
    /// </summary>
    private async Task<IReadOnlyList<FakeStravaCall>> QuietCallsAsync()
    {
        var count = -1;
        while (_world.Strava.Calls.Count != count)
        {
            count = _world.Strava.Calls.Count;
            await Task.Delay(500);
        }

        _settledAt = count;
        return _world.Strava.Calls;
    }

    /// <summary>
    /// Sends a slash command from the member; waits for the private answer and, when asked, the public post; returns them
    /// with the Strava calls made between sending the command and the last answer (plus a settle). The bot's background work
    /// has settled first: a quiet window, unless the step before ended with one and no call has come since (or the caller does
    /// not <paramref name="countCalls"/>).
    /// </summary>
    private async Task<(FakeRestRequest Private, IReadOnlyList<FakeRestRequest> Public, IReadOnlyList<FakeStravaCall> StravaCalls)> InvokeAsync(
        string command, bool expectPublic = true, bool countCalls = true)
    {
        if (countCalls && _settledAt != _world.Strava.Calls.Count)
        {
            await QuietCallsAsync();
        }

        _settledAt = null;
        var before = _world.Strava.Calls.Count;
        var (answer, posts) = await new SlashCommands(_world.Discord, Guild).InvokeAsync(
            command, user: DiscordUser, expectPublic: expectPublic, settle: countCalls ? TimeSpan.FromMilliseconds(500) : TimeSpan.Zero, invoker: new Invoker("ada", "Ada L."));
        return (answer, SlashCommands.JsonPosts(posts), _world.Strava.Calls.Skip(before).ToList());
    }

    private static string Text(IEnumerable<FakeRestRequest> posts) => SlashCommands.Text(posts);

    private List<string> DirectMessages() =>
    [
        .. _world.Discord.DirectMessagesTo(DiscordUser),
    ];

    private static bool Safely(Func<bool> read) => DatabaseProbe.Safely(read);

    private SqliteConnection OpenDatabase() => _world.Probe.Open();

    private List<long> StoredActivityIds()
    {
        using var connection = OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM activities ORDER BY id";
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private long? StoredSubscriptionId()
    {
        using var connection = OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM app_settings WHERE key = $key";
        command.Parameters.AddWithValue("$key", StravaSubscriptionStore.Key);
        return command.ExecuteScalar() is string text ? long.Parse(text, CultureInfo.InvariantCulture) : null;
    }

    private long StoredEvents() => _world.Probe.Count("SELECT COUNT(*) FROM webhook_events");

    private long BackfillsDone() => _world.Probe.Count("SELECT COUNT(*) FROM strava_sync_states WHERE last_backfill_at_utc IS NOT NULL");

    private long ProcessedEvents() => _world.Probe.Count("SELECT COUNT(*) FROM webhook_events WHERE processed_at_utc IS NOT NULL");

    /// <summary>
    /// The member's runs on Strava. One point per run per date: two runs on two dates of this week (today and the days
    /// before first) and a new one today, pushed later; ≈ 400 older runs of this season, spread over the weeks before
    /// this one (none when this is week 1); and two outside the season, one within the day of margin the bot lists
    /// (so it must filter it out), one well before.
    /// </summary>
    /// <summary>The callback the browser followed: the code in it, the Strava calls before it, and since when the member is linked.</summary>
    private sealed record Callback(string Code, int StravaCallsBefore, Stopwatch Linked);

    private sealed record SeasonRuns(int CurrentWeek, FakeActivity New, FakeActivity[] ThisWeek, FakeActivity[] Older, FakeActivity[] Outside)
    {
        public static SeasonRuns AroundToday()
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var season = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
            var seasonStart = ISOWeek.ToDateTime(season, 1, DayOfWeek.Monday);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).ToDateTime(TimeOnly.MinValue);
            var week = Enumerable.Range(0, 7).Select(d => monday.AddDays(d)).ToList();
            var todayStart = today.ToDateTime(TimeOnly.MinValue);
            var days = week.Where(d => d <= todayStart).OrderDescending().Concat(week.Where(d => d > todayStart)).ToList();
            var olderSpan = monday - seasonStart;
            return new SeasonRuns(
                ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)),
                FakeActivity.Run(8_000_003, days[0].AddMinutes(1), movingMinutes: 35),
                [FakeActivity.Run(8_000_001, days[1].AddMinutes(1), movingMinutes: 35), FakeActivity.Run(8_000_002, days[2].AddMinutes(1), movingMinutes: 35)],
                olderSpan <= TimeSpan.Zero
                    ? []
                    : [.. Enumerable.Range(0, 400).Select(i => FakeActivity.Run(6_000_000 + i, seasonStart + (olderSpan * i / 400.0), movingMinutes: 31))],
                [FakeActivity.Run(5_000_001, seasonStart.AddHours(-12)), FakeActivity.Run(5_000_002, seasonStart.AddDays(-5))]);
        }
    }
}
