using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Strava;
using Bot.Tests.Strava.Fakes;

namespace Bot.Tests.Strava;

/// <summary>The back-fill at start-up for members imported from the old bot, and the re-check within the rate budget (behaviour 23).</summary>
[Category(TestCategories.Integration)]
public sealed class StravaSyncJobTests : StravaHostFixture
{
    [Test]
    public async Task RunBackfills_ImportedMemberWithTokensButNoActivities_BackfilledOnceOthersLeftAlone()
    {
        var imported = await StravaHost.AddLinkedMemberAsync(1, 11, backfilled: false);
        var current = await StravaHost.AddLinkedMemberAsync(2, 22, backfilled: true);
        var withActivities = await StravaHost.AddLinkedMemberAsync(3, 33, backfilled: false);
        await using (var context = await StravaHost.CreateContextAsync())
        {
            context.Activities.Add(new Activity
            {
                Id = 99,
                MemberId = withActivities.Id,
                StartUtc = DateTime.UtcNow,
                StartLocal = DateTime.UtcNow,
                MovingTime = 1,
                ElapsedTime = 1,
                Distance = 1,
                TotalElevationGain = 0,
                UpdatedAtUtc = DateTime.UtcNow,
            });
            await context.SaveChangesAsync();
        }

        FakeStrava.Athlete(1).Add(FakeActivity.Run(5, DateTime.UtcNow.Date.AddHours(-20)));
        var job = StravaHost.GetInternal<StravaSyncJob>();

        var first = await job.RunBackfillsAsync(CancellationToken.None);
        var second = await job.RunBackfillsAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.EqualTo(1));
            Assert.That(second, Is.Zero);
            Assert.That(FakeStrava.Calls.Select(c => c.BearerToken).Distinct(), Is.EqualTo(new[] { imported.AccessToken }));
            Assert.That(await StravaHost.ActivitiesAsync(imported.Id), Has.Count.EqualTo(1));
            Assert.That(await StravaHost.ActivitiesAsync(current.Id), Is.Empty);
        });
    }

    [Test]
    public async Task FetchOneAndRecheck_ImportedMemberNotBackfilledYet_StaysDueForTheBackfill()
    {
        // A webhook create (or a re-check) stores the member's first activity before the back-fill ran, and the process may die right after.
        var fetched = await StravaHost.AddLinkedMemberAsync(1, 11, backfilled: false);
        var rechecked = await StravaHost.AddLinkedMemberAsync(2, 22, backfilled: false);
        FakeStrava.Athlete(1).Add(FakeActivity.Run(5, DateTime.UtcNow.Date.AddHours(-20)));
        FakeStrava.Athlete(2).Add(FakeActivity.Run(6, DateTime.UtcNow.Date.AddHours(-20)));
        var sync = StravaHost.GetInternal<ActivitySync>();

        await sync.RecheckActivityAsync(fetched.Id, fetched.StravaAthleteId!.Value, 5);
        await sync.RecheckAsync(rechecked.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(await StravaHost.ActivitiesAsync(fetched.Id), Has.Count.EqualTo(1));
            Assert.That(await StravaHost.ActivitiesAsync(rechecked.Id), Has.Count.EqualTo(1));
            Assert.That(await StravaHost.Get<StravaSyncRepository>().ListBackfillDueAsync(), Is.EqualTo(new[] { fetched.Id, rechecked.Id }));
        });
    }

    [Test]
    public async Task RunBackfills_GarbageAnswer_MemberToldWithAClearProblemAndStillDue()
    {
        var member = await StravaHost.AddLinkedMemberAsync(1, 11, backfilled: false);
        FakeStrava.Script("GET", "/api/v3/athlete/activities", FakeStravaAnswer.Garbage);

        await StravaHost.GetInternal<StravaSyncJob>().RunBackfillsAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(StravaHost.Notifier.Sent.Single().DiscordUserId, Is.EqualTo(11));
            Assert.That(StravaHost.Notifier.Sent.Single().Message, Does.Contain("cannot read"));
            Assert.That(await StravaHost.Get<StravaSyncRepository>().ListBackfillDueAsync(), Is.EqualTo(new[] { member.Id }));
        });
    }

    [Test]
    public async Task RunRechecks_EveryLinkedMember_OneListCallEachAndLastSyncRecordedForTheChallenge()
    {
        var challenge = await StravaHost.AddChallengeAsync(100, 2026);
        var members = new List<Member>();
        for (var i = 1; i <= 3; i++)
        {
            var member = await StravaHost.AddLinkedMemberAsync(i, i * 11);
            await StravaHost.Get<MemberRepository>().JoinAsync(challenge.Id, member.Id, 1, true);
            members.Add(member);
        }

        var before = DateTime.UtcNow;
        var done = await StravaHost.GetInternal<StravaSyncJob>().RunRechecksAsync(CancellationToken.None);

        var status = await StravaHost.Get<StravaSyncRepository>().GetSyncStatusAsync(challenge.Id);
        Assert.Multiple(() =>
        {
            Assert.That(done, Is.EqualTo(3));
            Assert.That(FakeStrava.CallsTo("GET", "/api/v3/athlete/activities"), Has.Count.EqualTo(3));
            Assert.That(status.LinkedMembers, Is.EqualTo(3));
            Assert.That(status.NeverSynced, Is.Zero);
            Assert.That(status.OldestUtc, Is.GreaterThanOrEqualTo(before.AddSeconds(-1)));
        });
    }

    [Test]
    public async Task RunRechecks_BudgetNearlySpent_WaitsForTheNextWindowInsteadOfSpendingTheWebhookReserve()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 10, 7, 0, TimeSpan.Zero));
        await using var strava = await FakeStravaServer.StartAsync(time);
        await using var host = await StravaTestHost.StartAsync(strava, time);
        await host.AddLinkedMemberAsync(1, 11);
        await host.AddLinkedMemberAsync(2, 22);
        // After the first call the read usage leaves less than the reserve in this window.
        strava.ReadUsage = (100 - RateLimitGovernor.SafetyMargin(100) - StravaSyncJob.WebhookReserve - 1, 100);
        var governor = host.Get<RateLimitGovernor>();
        var job = host.GetInternal<StravaSyncJob>();

        var run = job.RunRechecksAsync(CancellationToken.None);
        await Bot.Tests.Discord.Gateway.Eventually.ThatAsync(() => strava.Calls.Count == 1, "the first member is re-checked", TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        var callsBeforeWindow = strava.Calls.Count;
        var waiting = !run.IsCompleted;
        time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 10, 15, 2, TimeSpan.Zero));
        var done = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Multiple(() =>
        {
            Assert.That(callsBeforeWindow, Is.EqualTo(1));
            Assert.That(waiting, Is.True);
            Assert.That(done, Is.EqualTo(2));
            Assert.That(strava.Calls, Has.Count.EqualTo(2));
            Assert.That(governor.State.IsOpen, Is.True);
        });
    }

    [Test]
    public async Task CompleteLink_WithTheJobRunning_TheSeasonIsBackfilledWithoutWaitingForTheNextRound()
    {
        FakeStrava.AddAthlete(900).Add(FakeActivity.Run(5, DateTime.UtcNow.Date.AddHours(-20)), FakeActivity.Run(6, DateTime.UtcNow.Date.AddHours(-44)));
        await StravaHost.AddChallengeAsync(100, System.Globalization.ISOWeek.GetYear(DateTime.UtcNow));
        var job = StravaHost.GetInternal<StravaSyncJob>();
        await job.StartAsync(CancellationToken.None);
        await Task.Delay(300);

        var outcome = await StravaHost.Get<IStravaLinking>().CompleteLinkAsync(31, 100, FakeStrava.IssueCode(900), "read,activity:read_all", CancellationToken.None);

        var memberId = (await StravaHost.Get<MemberRepository>().GetByDiscordUserIdAsync(31))!.Id;
        await Bot.Tests.Discord.Gateway.Eventually.ThatAsync(
            () => StravaHost.ActivitiesAsync(memberId).GetAwaiter().GetResult().Count == 2, "the back-fill stored the season", TimeSpan.FromSeconds(20));
        await job.StopAsync(CancellationToken.None);
        Assert.That(outcome.Succeeded, Is.True);
    }
}
