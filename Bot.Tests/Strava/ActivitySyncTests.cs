using System.Globalization;
using Bot.Data.Repositories;
using Bot.Strava;
using Bot.Strava.Api;
using Bot.Tests.Strava.Fakes;

namespace Bot.Tests.Strava;

/// <summary>strava-api.md §4 behaviours 8–12 on the fetching side, and 23 (the re-check).</summary>
[Category(TestCategories.Unit)]
public sealed class ActivitySyncTests : StravaHostFixture
{
    [Test]
    public async Task Backfill_450ActivitiesInTheSeason_ThreeListCallsOfPerPage200InEpochSecondsThenStopsOnTheShortPage()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        await JoinSeasonAsync(member.Id, 2025);
        var first = new DateTime(2025, 1, 1, 7, 0, 0);
        FakeStrava.Athlete(1).Add([.. Enumerable.Range(1, 450).Select(i => FakeActivity.Run(i, first.AddHours(i * 18)))]);

        var outcome = await Sync.BackfillAsync(member.Id);

        var calls = FakeStrava.CallsTo("GET", "/api/v3/athlete/activities");
        var after = long.Parse(calls[0].QueryValue("after")!, CultureInfo.InvariantCulture);
        var before = long.Parse(calls[0].QueryValue("before")!, CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.IsOk, Is.True);
            Assert.That(calls, Has.Count.EqualTo(3));
            Assert.That(calls.Select(c => c.QueryValue("page")), Is.EqualTo(new[] { "1", "2", "3" }));
            Assert.That(calls.All(c => c.QueryValue("per_page") == "200"), Is.True);
            // Season 2025 runs Monday 2024-12-30 to Sunday 2025-12-28; a day of margin each side, in seconds.
            Assert.That(after, Is.EqualTo(new DateTimeOffset(2024, 12, 29, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()));
            Assert.That(before, Is.EqualTo(new DateTimeOffset(2025, 12, 30, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()));
            Assert.That(outcome.Listed, Is.EqualTo(450));
        });
        Assert.That(await StravaHost.ActivitiesAsync(member.Id), Has.Count.EqualTo(450));
    }

    [Test]
    public async Task Backfill_About400Activities_AtMostThreeCalls()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        await JoinSeasonAsync(member.Id, 2025);
        FakeStrava.Athlete(1).Add([.. Enumerable.Range(1, 400).Select(i => FakeActivity.Run(i, new DateTime(2025, 1, 1, 6, 0, 0).AddHours(i * 20)))]);

        var outcome = await Sync.BackfillAsync(member.Id);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Calls, Is.LessThanOrEqualTo(3));
            Assert.That(FakeStrava.ApiCallCount, Is.LessThanOrEqualTo(3));
            Assert.That(outcome.Listed, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task Sync_LocalSundayLateThatIsMondayUtc_CountsForTheLocalWeekAndMarginActivitiesAreDropped()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        // Week 2026-W10: Monday 2 March to Sunday 8 March (wall clock).
        var sundayLate = new FakeActivity(1, "late", "Run", "Run", new DateTime(2026, 3, 8, 23, 30, 0), TimeSpan.FromHours(-5), 1800, 1800);
        var mondayEarly = new FakeActivity(2, "early", "Run", "Run", new DateTime(2026, 3, 2, 0, 30, 0), TimeSpan.FromHours(2), 1800, 1800);
        var beforeWindow = new FakeActivity(3, "before", "Run", "Run", new DateTime(2026, 3, 1, 23, 0, 0), TimeSpan.Zero, 1800, 1800);
        var afterWindow = new FakeActivity(4, "after", "Run", "Run", new DateTime(2026, 3, 9, 0, 10, 0), TimeSpan.FromHours(10), 1800, 1800);
        FakeStrava.Athlete(1).Add(sundayLate, mondayEarly, beforeWindow, afterWindow);

        await Sync.SyncWindowAsync(member.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));

        var stored = await StravaHost.ActivitiesAsync(member.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Select(a => a.Id), Is.EqualTo(new long[] { 1, 2 }));
            Assert.That(stored[0].StartLocal, Is.EqualTo(new DateTime(2026, 3, 8, 23, 30, 0)), "start_date_local is wall-clock time despite its Z");
            Assert.That(stored[0].StartUtc, Is.EqualTo(new DateTime(2026, 3, 9, 4, 30, 0, DateTimeKind.Utc)));
        });
    }

    [Test]
    public async Task Backfill_Season2026_IncludesMonday20251229AndSunday20270103()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        await JoinSeasonAsync(member.Id, 2026);
        FakeStrava.Athlete(1).Add(
            FakeActivity.Run(1, new DateTime(2025, 12, 28, 12, 0, 0)),
            FakeActivity.Run(2, new DateTime(2025, 12, 29, 12, 0, 0)),
            FakeActivity.Run(3, new DateTime(2027, 1, 3, 12, 0, 0)),
            FakeActivity.Run(4, new DateTime(2027, 1, 4, 12, 0, 0)));

        await Sync.BackfillAsync(member.Id);

        Assert.That((await StravaHost.ActivitiesAsync(member.Id)).Select(a => a.Id), Is.EqualTo(new long[] { 2, 3 }));
    }

    [Test]
    public async Task Sync_SportTypeMissingOrUnknown_FallsBackToTypeAndKeepsUnknownStringsRaw()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        FakeStrava.Athlete(1).Add(
            new FakeActivity(1, "old", null, "Ride", new DateTime(2026, 3, 3, 8, 0, 0), TimeSpan.Zero, 3600, 3700),
            new FakeActivity(2, "new", "Quidditch", "Workout", new DateTime(2026, 3, 4, 8, 0, 0), TimeSpan.Zero, 3600, 3700),
            new FakeActivity(3, "trail", "TrailRun", "Run", new DateTime(2026, 3, 5, 8, 0, 0), TimeSpan.Zero, 3600, 3700));

        var outcome = await Sync.SyncWindowAsync(member.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));

        var stored = await StravaHost.ActivitiesAsync(member.Id);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.IsOk, Is.True);
            Assert.That(stored.Select(a => (a.SportType, a.Type)), Is.EqualTo(new[] { ("Ride", "Ride"), ("Quidditch", "Workout"), ("TrailRun", "Run") }));
        });
    }

    [Test]
    public async Task Upsert_SameActivityFromPollAndWebhookRetriedThreeTimes_StoredOnce()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        FakeStrava.Athlete(1).Add(FakeActivity.Run(7, new DateTime(2026, 3, 3, 8, 0, 0)));

        await Sync.SyncWindowAsync(member.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));
        for (var i = 0; i < 3; i++)
        {
            await Sync.RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 7);
        }

        Assert.That(await StravaHost.ActivitiesAsync(member.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Recheck_DurationEditedWithoutAnyWebhook_PickedUpAndRecorded()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.ToDateTime(new TimeOnly(0, 5));
        FakeStrava.Athlete(1).Add(FakeActivity.Run(7, start, movingMinutes: 40));
        await Sync.RecheckAsync(member.Id);
        FakeStrava.Athlete(1).Add(FakeActivity.Run(7, start, movingMinutes: 25));

        var outcome = await Sync.RecheckAsync(member.Id);

        var stored = (await StravaHost.ActivitiesAsync(member.Id)).Single();
        var status = await StravaHost.Get<StravaSyncRepository>().ListForRecheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Written, Is.EqualTo(1));
            Assert.That(stored.MovingTime, Is.EqualTo(25 * 60));
            Assert.That(status, Is.EqualTo(new[] { member.Id }));
        });
    }

    [Test]
    public async Task Recheck_ActivityGoneAtStrava_DeletedLocally()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).ToDateTime(new TimeOnly(0, 5));
        FakeStrava.Athlete(1).Add(FakeActivity.Run(7, start), FakeActivity.Run(8, start.AddMinutes(1)));
        await Sync.RecheckAsync(member.Id);
        FakeStrava.Athlete(1).Activities.TryRemove(8, out _);

        var outcome = await Sync.RecheckAsync(member.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Deleted, Is.EqualTo(1));
            Assert.That((await StravaHost.ActivitiesAsync(member.Id)).Select(a => a.Id), Is.EqualTo(new long[] { 7 }));
        });
    }

    [Test]
    public async Task Sync_GarbageForOneMember_ClearProblemNothingWrittenOtherMembersUnaffected()
    {
        var broken = await StravaHost.AddLinkedMemberAsync(1, 11);
        var fine = await StravaHost.AddLinkedMemberAsync(2, 22);
        FakeStrava.Athlete(1).Add(FakeActivity.Run(1, new DateTime(2026, 3, 3, 8, 0, 0)));
        FakeStrava.Athlete(2).Add(FakeActivity.Run(2, new DateTime(2026, 3, 3, 8, 0, 0)));
        FakeStrava.Script("GET", "/api/v3/athlete/activities", new FakeStravaAnswer(200, """[{"id": "not-a-number"}]"""));

        var brokenOutcome = await Sync.SyncWindowAsync(broken.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));
        var fineOutcome = await Sync.SyncWindowAsync(fine.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));

        Assert.Multiple(async () =>
        {
            Assert.That(brokenOutcome.Status, Is.EqualTo(StravaStatus.Garbage));
            Assert.That(brokenOutcome.Problem, Does.Contain("cannot read"));
            Assert.That(await StravaHost.ActivitiesAsync(broken.Id), Is.Empty);
            Assert.That(fineOutcome.IsOk, Is.True);
            Assert.That(await StravaHost.ActivitiesAsync(fine.Id), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Sync_ActivityWithoutStartDate_ClearProblemNamingTheField()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11);
        FakeStrava.Script("GET", "/api/v3/athlete/activities", new FakeStravaAnswer(200, """[{"id": 5, "start_date_local": "2026-03-03T08:00:00Z"}]"""));

        var outcome = await Sync.SyncWindowAsync(member.Id, new DateTime(2026, 3, 2), new DateTime(2026, 3, 9));

        Assert.That(outcome.Problem, Does.Contain("activity 5 has no valid start_date"));
    }

    private ActivitySync Sync => StravaHost.GetInternal<ActivitySync>();

    private async Task JoinSeasonAsync(long memberId, int season)
    {
        var challenge = await StravaHost.AddChallengeAsync(100, season);
        await StravaHost.Get<MemberRepository>().JoinAsync(challenge.Id, memberId, 1, true);
    }
}
