using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Standings;
using Bot.Strava;
using Bot.Tests.Strava.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Strava;

/// <summary>
/// Issue 12 item 7: a member who leaves loses every piece of Strava data, and the pot keeps what they owed for closed
/// weeks (frozen as the bot computed them); Strava writes that arrive afterwards store nothing; a relink brings the
/// weeks back to being computed from activities once the back-fill is done.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class MemberDepartureTests : StravaHostFixture
{
    private const long Guild = 100;
    private const long Anna = 1;
    private const long Ben = 2;

    // Wednesday of 2026-W11; with start week 8, weeks 8–10 are closed.
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 11, 10, 0, 0, TimeSpan.Zero);

    private Member _anna = null!;
    private Member _ben = null!;

    private protected override DateTimeOffset? PinnedNow => Wednesday;

    [SetUp]
    public async Task SeedAsync()
    {
        var challenge = await StravaHost.AddChallengeAsync(Guild, 2026);
        await using (var context = await StravaHost.CreateContextAsync())
        {
            (await context.Challenges.SingleAsync(c => c.Id == challenge.Id)).RulesJson = """{"start_week": 8}""";
            await context.SaveChangesAsync();
        }

        _anna = await StravaHost.AddLinkedMemberAsync(Anna, 11);
        _ben = await StravaHost.AddLinkedMemberAsync(Ben, 12);
        await StravaHost.Get<MemberRepository>().JoinAsync(challenge.Id, _anna.Id, 1, true);
        await StravaHost.Get<MemberRepository>().JoinAsync(challenge.Id, _ben.Id, 1, true);

        // Anna passes week 9 (2026-02-23 to 03-01) and runs once in the week in progress; Ben never runs.
        FakeStrava.Athlete(Anna).Add(Run(1, 2, 23), Run(2, 2, 24), Run(3, 2, 25), Run(4, 3, 10));
        await Sync.BackfillAsync(_anna.Id);
        await using (var context = await StravaHost.CreateContextAsync())
        {
            var at = Wednesday.UtcDateTime;
            context.WebhookEvents.AddRange(
                TestData.NewWebhookEvent(Anna, at, processed: false), TestData.NewWebhookEvent(Anna, at, processed: true), TestData.NewWebhookEvent(Ben, at, processed: false));
            await context.SaveChangesAsync();
        }
    }

    private ActivitySync Sync => StravaHost.GetInternal<ActivitySync>();

    private MemberDeparture Departure => StravaHost.GetInternal<MemberDeparture>();

    [Test]
    public async Task LeaveAsync_MemberWithFailedClosedWeeks_TheirClosedWeeksStayAndEveryPieceOfStravaDataGoes()
    {
        var before = await StandingsAsync();

        var left = await Departure.LeaveAsync(_anna.Id, "/unlink", CancellationToken.None);

        var after = await StandingsAsync();
        var anna = after.Members.Single(m => m.Id == "11");
        var member = (await StravaHost.FindMemberAsync(_anna.Id))!;
        await using var context = await StravaHost.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(left, Is.True);
            Assert.That(before.Members.Single(m => m.Id == "11").Weeks.Select(w => (w.Week, w.Status, w.Amount)), Is.EqualTo(new[]
            {
                (8, WeekStatus.Failed, 5m), (9, WeekStatus.Passed, 0m), (10, WeekStatus.Failed, 5m), (11, WeekStatus.InProgress, 0m),
            }));
            Assert.That(anna.Weeks, Is.EqualTo(before.Members.Single(m => m.Id == "11").Weeks.Take(3)), "the closed weeks, frozen; the week in progress is not listed");
            Assert.That((anna.Total, anna.State), Is.EqualTo((10m, MemberState.Left)));
            Assert.That(after.Members.Sum(m => m.Total), Is.EqualTo(before.Members.Sum(m => m.Total)), "the pot is unchanged");

            Assert.That((member.AccessToken, member.RefreshToken, member.Scopes, member.StravaAthleteId, member.LinkState),
                Is.EqualTo(((string?)null, (string?)null, (string?)null, (long?)null, LinkState.Unlinked)));
            Assert.That(member.LeftAtUtc, Is.EqualTo(Wednesday.UtcDateTime));
            Assert.That(await StravaHost.ActivitiesAsync(_anna.Id), Is.Empty);
            Assert.That(await context.StravaSyncStates.AnyAsync(s => s.MemberId == _anna.Id), Is.False);
            Assert.That(await context.WebhookEvents.Select(e => e.OwnerId).ToListAsync(), Is.EqualTo(new[] { Ben }));
            Assert.That(StravaHost.Logs.GetSnapshot().Where(r => r.Id.Id == 3060).Select(r => r.Message), Has.One.Contains("3 closed week(s) frozen"));
        });
    }

    [Test]
    public async Task LeaveAsync_StravaWritesFetchedBeforeButStoredAfter_StoreNothing()
    {
        using var listing = StravaHost.GetInternal<ActivityWriter>().BeginListing(_anna.Id);
        var record = new ActivityRecord(9, _anna.Id, "Late run", "Run", "Run", new DateTime(2026, 3, 10, 7, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 3, 10, 7, 0, 0), null, 2400, 2500, 5000, 0, null);
        await Departure.LeaveAsync(_anna.Id, "/unlink", CancellationToken.None);

        var store = StravaHost.GetInternal<ActivityWriter>();
        var upserted = await store.UpsertAsync(_anna.Id, record, "Strava webhook", CancellationToken.None);
        var syncs = StravaHost.Get<StravaSyncRepository>();
        await store.ReplaceWindowAsync(listing, new DateTime(2026, 3, 2), new DateTime(2026, 3, 16), [record], "Strava back-fill",
            ct => syncs.RecordBackfillAsync(_anna.Id, new DateTime(2025, 12, 29), ct), CancellationToken.None);
        await syncs.KeepBackfillDueAsync(_anna.Id);

        await using var context = await StravaHost.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(upserted, Is.False);
            Assert.That(await StravaHost.ActivitiesAsync(_anna.Id), Is.Empty);
            Assert.That(await context.StravaSyncStates.AnyAsync(s => s.MemberId == _anna.Id), Is.False, "no sync state comes back");
            Assert.That(await context.FrozenWeekResults.CountAsync(), Is.EqualTo(3), "nor does a stale back-fill thaw the frozen weeks");
        });
    }

    [Test]
    public async Task LeaveAsync_ThenRelinkAndBackfill_SyncingWithTheFrozenWeeksUntilTheBackfillThenComputedAgain()
    {
        await Departure.LeaveAsync(_anna.Id, "/unlink", CancellationToken.None);
        var accounts = StravaHost.Get<IStravaLinking>();

        var link = await accounts.CompleteLinkAsync(11, Guild, FakeStrava.IssueCode(Anna), "read,activity:read_all", CancellationToken.None);
        var relinked = (await StandingsAsync()).Members.Single(m => m.Id == "11");
        await StravaHost.GetInternal<StravaSyncJob>().RunBackfillsAsync(CancellationToken.None);
        var backfilled = (await StandingsAsync()).Members.Single(m => m.Id == "11");

        await using var context = await StravaHost.CreateContextAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(link.Succeeded, Is.True, link.Problem);
            Assert.That((relinked.State, relinked.Total, relinked.Weeks.Count), Is.EqualTo((MemberState.Syncing, 10m, 3)),
                "until the back-fill, what they owed stays in the pot");
            Assert.That(backfilled.State, Is.EqualTo(MemberState.Active));
            Assert.That(backfilled.Weeks.Select(w => (w.Week, w.Status, w.Amount)), Is.EqualTo(new[]
            {
                (8, WeekStatus.Failed, 5m), (9, WeekStatus.Passed, 0m), (10, WeekStatus.Failed, 5m), (11, WeekStatus.InProgress, 0m),
            }), "computed again from the back-filled activities");
            Assert.That(await context.FrozenWeekResults.CountAsync(), Is.Zero);
            Assert.That((await StravaHost.FindMemberAsync(_anna.Id))!.LeftAtUtc, Is.Null);
        });
    }

    private static FakeActivity Run(long id, int month, int day) => FakeActivity.Run(id, new DateTime(2026, month, day, 7, 0, 0));

    private async Task<SeasonStandings> StandingsAsync() =>
        (await StravaHost.Get<SeasonPipeline>().ScoreAsync(Guild, 2026, null))!;
}
