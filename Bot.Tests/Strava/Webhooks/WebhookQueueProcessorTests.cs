using System.Text.Json;
using Bot.Data.Repositories;
using Bot.Strava;
using Bot.Strava.Webhooks;
using Bot.Tests.Strava.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Strava.Webhooks;

/// <summary>
/// strava-api.md §4 behaviours 12 (idempotence), 15, 18 (durable queue), 19–21 on the processing side; issue 12: events are
/// hints, re-checked with the owner's token, and a deauthorization is confirmed with Strava before anything is deleted.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class WebhookQueueProcessorTests
{
    private const long Subscription = 777;
    private const int MaxPending = 10_000;

    private FakeStravaServer _strava = null!;
    private StravaTestHost _host = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _strava = await FakeStravaServer.StartAsync();
        _host = await StravaTestHost.StartAsync(_strava);
        await _host.Get<StravaSubscriptionStore>().SetAsync(Subscription);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _host.DisposeAsync();
        await _strava.DisposeAsync();
    }

    [Test]
    public async Task Create_FetchesTheActivityAndStoresIt()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        await EnqueueAsync("activity", 50, "create", 1);

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That((await _host.ActivitiesAsync(member.Id)).Select(a => a.Id), Is.EqualTo(new long[] { 50 }));
            Assert.That(_strava.CallsTo("GET", "/api/v3/activities/50"), Has.Count.EqualTo(1));
            Assert.That(await Queue.CountPendingAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task ForeignSubscriptionId_IgnoredWithNoCall()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        await EnqueueAsync("activity", 50, "create", 1, subscriptionId: 999);
        await EnqueueAsync("athlete", 1, "update", 1, """{"authorized":"false"}""", subscriptionId: 999);

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(_strava.Calls, Is.Empty);
            Assert.That(await _host.FindMemberAsync(member.Id), Is.Not.Null, "a spoofed deauthorization deletes nothing");
            Assert.That(await Queue.CountPendingAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task UnknownOwner_IgnoredWithNoCall()
    {
        await _host.AddLinkedMemberAsync(1, 11);
        await EnqueueAsync("activity", 50, "create", 4242);

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(_strava.Calls, Is.Empty);
            Assert.That(await Queue.CountPendingAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task TitleUpdate_TitleTakenFromStravaNotFromTheEvent()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)) with { Name = "Morning jog" });
        await EnqueueAsync("activity", 50, "update", 1, """{"title":"Forged title"}""");

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(_strava.CallsTo("GET", "/api/v3/activities/50"), Has.Count.EqualTo(1), "the one read call of the re-check");
            Assert.That((await _host.ActivitiesAsync(member.Id)).Single().Name, Is.EqualTo("Morning jog"));
        });
    }

    [TestCase("""{"type":"Ride"}""")]
    [TestCase("""{"private":"true"}""")]
    [TestCase("""{"title":"x","type":"Ride"}""")]
    public async Task TypeOrPrivacyUpdate_RefetchesAndRescores(string updates)
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        await Sync.RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 50);
        _strava.Athlete(1).Add(new FakeActivity(50, "x", "Ride", "Ride", new DateTime(2026, 3, 3, 8, 0, 0), TimeSpan.Zero, 3600, 3600));
        await EnqueueAsync("activity", 50, "update", 1, updates);

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(_strava.CallsTo("GET", "/api/v3/activities/50"), Has.Count.EqualTo(2));
            Assert.That((await _host.ActivitiesAsync(member.Id)).Single().SportType, Is.EqualTo("Ride"));
        });
    }

    [Test]
    public async Task Delete_StravaAnswers404_RemovesTheStoredActivityAfterOneCall()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)), FakeActivity.Run(51, new DateTime(2026, 3, 4, 8, 0, 0)));
        await Sync.SyncWindowAsync(member.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));
        _strava.Athlete(1).Activities.TryRemove(50, out _);
        var before = _strava.Calls.Count;
        await EnqueueAsync("activity", 50, "delete", 1);

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That((await _host.ActivitiesAsync(member.Id)).Select(a => a.Id), Is.EqualTo(new long[] { 51 }));
            Assert.That(_strava.Calls.Skip(before).Select(c => $"{c.Method} {c.Path}"), Is.EqualTo(new[] { "GET /api/v3/activities/50" }), "the confirmation");
        });
    }

    [Test]
    public async Task Delete_StravaStillHasTheActivity_NothingDeleted()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        await Sync.SyncWindowAsync(member.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));
        var before = Summary(await _host.ActivitiesAsync(member.Id));
        await EnqueueAsync("activity", 50, "delete", 1);

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.That(Summary(await _host.ActivitiesAsync(member.Id)), Is.EqualTo(before), "a forged delete changes nothing");
    }

    [TestCase("create", false)]
    [TestCase("update", false)]
    [TestCase("delete", false)]
    [TestCase("delete", true)]
    public async Task EventNamingAnotherMembersActivity_TheirRowAndOursUntouched(string aspect, bool onlyYou)
    {
        var sender = await _host.AddLinkedMemberAsync(1, 11);
        var victim = await _host.AddLinkedMemberAsync(2, 22);
        _strava.Athlete(2).Add(FakeActivity.Run(60, new DateTime(2026, 3, 3, 8, 0, 0)) with { OnlyYou = onlyYou });
        await Sync.RecheckActivityAsync(victim.Id, victim.StravaAthleteId!.Value, 60);
        var victimBefore = Summary(await _host.ActivitiesAsync(victim.Id));
        var before = _strava.Calls.Count;
        await EnqueueAsync("activity", 60, aspect, 1, aspect == "update" ? """{"title":"mine now"}""" : null);

        await Processor.ProcessDueAsync(CancellationToken.None);

        await using var context = await _host.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(Summary(await _host.ActivitiesAsync(victim.Id)), Is.EqualTo(victimBefore), "the owner's activity is unchanged");
            Assert.That(await context.Activities.Where(a => a.Id == 60).Select(a => a.MemberId).SingleAsync(), Is.EqualTo(victim.Id));
            Assert.That(await _host.ActivitiesAsync(sender.Id), Is.Empty, "nothing is stored for the sender");
            Assert.That(_strava.Calls.Count - before, Is.EqualTo(1), "at most one read call");
        });
    }

    [Test]
    public async Task DuplicateAndRetriedCreates_StoredOnce()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        await Sync.SyncWindowAsync(member.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));
        var before = _strava.Calls.Count;
        for (var i = 0; i < 3; i++)
        {
            await EnqueueAsync("activity", 50, "create", 1);
        }

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await _host.ActivitiesAsync(member.Id), Has.Count.EqualTo(1));
            Assert.That(_strava.Calls.Count - before, Is.EqualTo(1), "the three events coalesce into one re-check");
        });
    }

    [Test]
    public async Task PrivacyFlip_DeleteThenCreate_EndsWithTheSameActivitiesAsBefore()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)), FakeActivity.Run(51, new DateTime(2026, 3, 4, 8, 0, 0)));
        await Sync.SyncWindowAsync(member.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));
        var before = Summary(await _host.ActivitiesAsync(member.Id));
        await EnqueueAsync("activity", 50, "delete", 1);
        await EnqueueAsync("activity", 50, "create", 1);

        await Processor.ProcessDueAsync(CancellationToken.None);

        Assert.That(Summary(await _host.ActivitiesAsync(member.Id)), Is.EqualTo(before));
    }

    [Test]
    public async Task Deauthorization_ConfirmedByStrava_StravaDataAndQueuedEventsDeletedLedgerKept()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        var other = await _host.AddLinkedMemberAsync(2, 22);
        var challenge = await _host.AddChallengeAsync(100, 2026);
        await _host.Get<MemberRepository>().JoinAsync(challenge.Id, member.Id, 1, true);
        await _host.Get<MemberRepository>().JoinAsync(challenge.Id, other.Id, 1, true);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        _strava.Athlete(2).Add(FakeActivity.Run(60, new DateTime(2026, 3, 3, 8, 0, 0)));
        await Sync.RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 50);
        await Sync.RecheckActivityAsync(other.Id, other.StravaAthleteId!.Value, 60);
        _strava.RevokeAllTokens(1);
        await EnqueueAsync("activity", 51, "create", 1, subscriptionId: Subscription + 1);
        await EnqueueAsync("athlete", 1, "update", 1, """{"authorized":"false"}""");

        await Processor.ProcessDueAsync(CancellationToken.None);

        await using var context = await _host.CreateContextAsync();
        var left = await context.Members.AsNoTracking().SingleAsync(m => m.Id == member.Id);
        Assert.Multiple(async () =>
        {
            Assert.That((left.AccessToken, left.RefreshToken, left.StravaAthleteId, left.Scopes), Is.EqualTo(((string?)null, (string?)null, (long?)null, (string?)null)));
            Assert.That(left.LeftAtUtc, Is.Not.Null);
            Assert.That(await context.Activities.Select(a => a.Id).ToListAsync(), Is.EqualTo(new long[] { 60 }));
            Assert.That(await context.Participations.Select(p => p.MemberId).OrderBy(id => id).ToListAsync(), Is.EqualTo(new[] { member.Id, other.Id }), "the ledger keeps them");
            Assert.That(await context.StravaSyncStates.AnyAsync(s => s.MemberId == member.Id), Is.False);
            Assert.That(await context.WebhookEvents.AnyAsync(e => e.OwnerId == 1), Is.False, "their queued events are gone too");
        });
    }

    [Test]
    public async Task Deauthorization_TokenStillWorks_NothingDeletedAfterOneReadCall()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        await Sync.RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 50);
        var before = _strava.Calls.Count;
        await EnqueueAsync("athlete", 1, "update", 1, """{"authorized":"false"}""");

        await Processor.ProcessDueAsync(CancellationToken.None);

        var stored = await _host.FindMemberAsync(member.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(stored?.AccessToken, Is.Not.Null, "the member and their tokens stay");
            Assert.That(stored?.LinkState, Is.EqualTo(Bot.Data.Entities.LinkState.Linked));
            Assert.That((await _host.ActivitiesAsync(member.Id)).Select(a => a.Id), Is.EqualTo(new long[] { 50 }));
            Assert.That(_strava.Calls.Skip(before).Select(c => $"{c.Method} {c.Path}"), Is.EqualTo(new[] { "GET /api/v3/athlete" }));
            Assert.That(_host.Logs.GetSnapshot().Any(r => r.Id.Id == 3033), Is.True, "the refuted deauthorization is logged");
            Assert.That(await Queue.CountPendingAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task DeleteExpired_ProcessedMoreThanSevenDaysAgo_DeletedOthersKept()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero));
        await using var host = await StravaTestHost.StartAsync(_strava, time);
        var queue = host.Get<WebhookEventRepository>();
        var old = await queue.EnqueueAsync(new WebhookEventInput("activity", 1, "create", 1, Subscription, 1, null), 100);
        await queue.CompleteAsync(old.Id, null);
        time.Advance(TimeSpan.FromDays(6));
        var recent = await queue.EnqueueAsync(new WebhookEventInput("activity", 2, "create", 1, Subscription, 1, null), 100);
        await queue.CompleteAsync(recent.Id, null);
        var pending = await queue.EnqueueAsync(new WebhookEventInput("activity", 3, "create", 1, Subscription, 1, null), 100);
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var deleted = await host.GetInternal<WebhookQueueProcessor>().DeleteExpiredAsync(CancellationToken.None);

        await using var context = await host.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That(await context.WebhookEvents.Select(e => e.Id).OrderBy(id => id).ToListAsync(), Is.EqualTo(new[] { recent.Id, pending.Id }));
        });
    }

    [Test]
    public async Task RateLimited429_ZeroCallsUntilTheWindowThenTheFailedJobRunsOnce()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 10, 7, 0, TimeSpan.Zero));
        await using var strava = await FakeStravaServer.StartAsync(time);
        await using var host = await StravaTestHost.StartAsync(strava, time);
        await host.Get<StravaSubscriptionStore>().SetAsync(Subscription);
        await host.AddLinkedMemberAsync(1, 11);
        await host.AddLinkedMemberAsync(2, 22);
        strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        strava.Athlete(2).Add(FakeActivity.Run(60, new DateTime(2026, 3, 3, 8, 0, 0)));
        strava.Script("GET", "/api/v3/activities/50", FakeStravaAnswer.TooManyRequests);
        var queue = host.Get<WebhookEventRepository>();
        var processor = host.GetInternal<WebhookQueueProcessor>();
        await queue.EnqueueAsync(new WebhookEventInput("activity", 50, "create", 1, Subscription, 1, null), MaxPending);

        await processor.ProcessDueAsync(CancellationToken.None);
        var callsAfter429 = strava.Calls.Count;
        await queue.EnqueueAsync(new WebhookEventInput("activity", 60, "create", 2, Subscription, 2, null), MaxPending);
        await host.GetInternal<ActivitySync>().RecheckAsync(1);
        await processor.ProcessDueAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        await processor.ProcessDueAsync(CancellationToken.None);
        var callsDuringBreaker = strava.Calls.Count - callsAfter429;
        time.Advance(TimeSpan.FromMinutes(3));
        await processor.ProcessDueAsync(CancellationToken.None);

        await using var context = await host.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(callsAfter429, Is.EqualTo(1));
            Assert.That(callsDuringBreaker, Is.Zero, "no call of any member while the breaker is open");
            Assert.That(strava.CallsTo("GET", "/api/v3/activities/50"), Has.Count.EqualTo(2), "the failed job ran once more after the window");
            Assert.That(strava.CallsTo("GET", "/api/v3/activities/60"), Has.Count.EqualTo(1));
            Assert.That(await context.Activities.Select(a => a.Id).OrderBy(id => id).ToListAsync(), Is.EqualTo(new long[] { 50, 60 }));
            Assert.That(await context.WebhookEvents.Select(e => e.Attempts).ToListAsync(), Is.All.Zero, "waiting for the window spends no attempt");
        });
    }

    [Test]
    public async Task RunningProcessor_After429_ResumesByItselfWhenTheWindowOpens()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 10, 7, 0, TimeSpan.Zero));
        await using var strava = await FakeStravaServer.StartAsync(time);
        await using var host = await StravaTestHost.StartAsync(strava, time);
        await host.Get<StravaSubscriptionStore>().SetAsync(Subscription);
        var member = await host.AddLinkedMemberAsync(1, 11);
        strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        strava.Script("GET", "/api/v3/activities/50", FakeStravaAnswer.TooManyRequests);
        var processor = host.GetInternal<WebhookQueueProcessor>();
        await host.Get<WebhookEventRepository>().EnqueueAsync(new WebhookEventInput("activity", 50, "create", 1, Subscription, 1, null), MaxPending);
        await processor.StartAsync(CancellationToken.None);
        await Bot.Tests.Discord.Gateway.Eventually.ThatAsync(() => strava.Calls.Count == 1, "the first attempt meets the 429", TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        var callsBeforeWindow = strava.Calls.Count;

        time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 10, 15, 1, TimeSpan.Zero));

        await Bot.Tests.Discord.Gateway.Eventually.ThatAsync(
            () => host.ActivitiesAsync(member.Id).GetAwaiter().GetResult().Count == 1, "the event runs again on its own", TimeSpan.FromSeconds(20));
        await processor.StopAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(callsBeforeWindow, Is.EqualTo(1));
            Assert.That(strava.CallsTo("GET", "/api/v3/activities/50"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Queue_Restart_ANewServiceOverTheSameFileProcessesTheUnprocessedRows()
    {
        var directory = Path.Combine(Path.GetTempPath(), "challengebot-strava-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            long memberId;
            await using (var first = await StravaTestHost.StartAsync(_strava, directory: directory))
            {
                await first.Get<StravaSubscriptionStore>().SetAsync(Subscription);
                memberId = (await first.AddLinkedMemberAsync(5, 55)).Id;
                _strava.Athlete(5).Add(FakeActivity.Run(80, new DateTime(2026, 3, 3, 8, 0, 0)));
                await first.Get<WebhookEventRepository>().EnqueueAsync(new WebhookEventInput("activity", 80, "create", 5, Subscription, 1, null), MaxPending);
            }

            await using var second = await StravaTestHost.StartAsync(_strava, directory: directory);
            var pendingAfterRestart = await second.Get<WebhookEventRepository>().CountPendingAsync();
            await second.GetInternal<WebhookQueueProcessor>().StartAsync(CancellationToken.None);
            await Bot.Tests.Discord.Gateway.Eventually.ThatAsync(
                () => second.Get<WebhookEventRepository>().CountPendingAsync().GetAwaiter().GetResult() == 0,
                "the restarted processor empties the queue",
                TimeSpan.FromSeconds(20));
            await second.GetInternal<WebhookQueueProcessor>().StopAsync(CancellationToken.None);

            Assert.Multiple(async () =>
            {
                Assert.That(pendingAfterRestart, Is.EqualTo(1));
                Assert.That((await second.ActivitiesAsync(memberId)).Select(a => a.Id), Is.EqualTo(new long[] { 80 }));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task Notify_WakesTheRunningProcessorAtOnce()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        _strava.Athlete(1).Add(FakeActivity.Run(50, new DateTime(2026, 3, 3, 8, 0, 0)));
        await Processor.StartAsync(CancellationToken.None);
        await Task.Delay(200);

        await EnqueueAsync("activity", 50, "create", 1);
        _host.Get<IWebhookQueueSignal>().Notify();

        await Bot.Tests.Discord.Gateway.Eventually.ThatAsync(
            () => _host.ActivitiesAsync(member.Id).GetAwaiter().GetResult().Count == 1,
            "the event is processed well before the one-minute idle poll",
            TimeSpan.FromSeconds(20));
        await Processor.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task ServerErrorOnFetch_RetriedLaterWithBackoffAndAnAttemptCounted()
    {
        await _host.AddLinkedMemberAsync(1, 11);
        _strava.Script("GET", "/api/v3/activities/50", FakeStravaAnswer.ServerError, FakeStravaAnswer.ServerError, FakeStravaAnswer.ServerError, FakeStravaAnswer.ServerError);
        await EnqueueAsync("activity", 50, "create", 1);

        await Processor.ProcessDueAsync(CancellationToken.None);

        await using var context = await _host.CreateContextAsync();
        var row = await context.WebhookEvents.SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(row.ProcessedAtUtc, Is.Null);
            Assert.That(row.Attempts, Is.EqualTo(1));
            Assert.That(row.NextAttemptAtUtc, Is.GreaterThan(DateTime.UtcNow.AddSeconds(20)));
            Assert.That(row.LastError, Does.Contain("HTTP 500"));
        });
    }

    private WebhookQueueProcessor Processor => _host.GetInternal<WebhookQueueProcessor>();

    private WebhookEventRepository Queue => _host.Get<WebhookEventRepository>();

    private ActivitySync Sync => _host.GetInternal<ActivitySync>();

    private static string Summary(IEnumerable<Bot.Data.Entities.Activity> activities) =>
        JsonSerializer.Serialize(activities.Select(a => new { a.Id, a.SportType, a.StartLocal, a.MovingTime, a.ElapsedTime, a.Distance }));

    private async Task<long> EnqueueAsync(string objectType, long objectId, string aspect, long owner, string? updates = null, long subscriptionId = Subscription) =>
        (await Queue.EnqueueAsync(new WebhookEventInput(objectType, objectId, aspect, owner, subscriptionId, 1_700_000_000, updates), MaxPending)).Id;
}
