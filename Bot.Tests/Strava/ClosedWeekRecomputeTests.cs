using System.Net.Http.Headers;
using Bot.Data.Entities;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Standings;
using Bot.Strava;
using Bot.Tests.Strava.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Strava;

/// <summary>
/// strava-api.md §4 behaviour 7 (a member needing a relink is "unknown / no data", never charged automatically),
/// behaviour 23 (a closed week's debt changes only through a recompute that is recorded and logged), and a back-fill
/// listing that must not undo webhook writes made while it was being listed.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class ClosedWeekRecomputeTests
{
    private const long Guild = 100;

    // Wednesday of 2026-W11 (9–15 March); W10 is 2–8 March and closed.
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 11, 10, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private FakeStravaServer _strava = null!;
    private StravaTestHost _host = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(Wednesday);
        _strava = await FakeStravaServer.StartAsync(_time);
        _host = await StravaTestHost.StartAsync(_strava, _time);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        await _strava.DisposeAsync();
    }

    [Test]
    public async Task Recheck_DurationEditedWithoutEvent_ClosedWeekRecomputedOnceRecordedAndLogged()
    {
        var member = await LinkedMemberInSeasonAsync();
        _strava.Athlete(1).Add(Run(1, 3), Run(2, 4), Run(3, 5));
        await Sync.RecheckAsync(member.Id);
        var before = await RecomputesAsync();
        _strava.Athlete(1).Activities[2] = _strava.Athlete(1).Activities[2] with { MovingTime = 10 * 60 };

        await Sync.RecheckAsync(member.Id);
        var afterEdit = await RecomputesAsync();
        await Sync.RecheckAsync(member.Id);
        var afterQuietRecheck = await RecomputesAsync();

        var week10 = (await StandingsAsync()).Members.Single().Weeks.Single(w => w.Week == 10);
        var added = afterEdit.Skip(before.Count).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(week10.Status, Is.EqualTo(WeekStatus.Failed), "the shortened run no longer scores");
            Assert.That(week10.Amount, Is.EqualTo(5m));
            Assert.That(added, Has.Count.EqualTo(1));
            Assert.That((added[0].Week, added[0].OldStatus, added[0].OldAmount, added[0].NewStatus, added[0].NewAmount, added[0].Reason),
                Is.EqualTo((10, "passed", 0m, "failed", 5m, "Strava re-check")));
            Assert.That(afterQuietRecheck, Has.Count.EqualTo(afterEdit.Count), "a re-check that changes nothing records nothing");
            Assert.That(_host.Logs.GetSnapshot().Where(r => r.Id.Id == 7000).Select(r => r.Message),
                Has.Some.Contains("2026-W10").And.Some.Contains("passed 0").And.Some.Contains("-> failed 5"));
        });
    }

    [Test]
    public async Task Webhook_ActivityInTheWeekInProgress_ChangesNoClosedWeekAndRecordsNothing()
    {
        var member = await LinkedMemberInSeasonAsync();
        _strava.Athlete(1).Add(Run(1, 3), Run(2, 4), Run(3, 5));
        await Sync.RecheckAsync(member.Id);
        var before = await RecomputesAsync();
        _strava.Athlete(1).Add(Run(4, 10));

        await Sync.RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 4);

        Assert.That(await RecomputesAsync(), Has.Count.EqualTo(before.Count));
    }

    [Test]
    public async Task RulesChange_ClosedWeeksItRepricesAreRecordedWithTheReason()
    {
        await LinkedMemberInSeasonAsync();
        var challenges = _host.Get<ChallengeRepository>();
        var challenge = (await challenges.GetAsync(Guild, 2026))!;

        await _host.Get<RecordedRecompute>().RecomputeChallengeAsync(challenge, "rule price_per_week set by admin 7",
            ct => challenges.SaveRulesAsync(Guild, 2026, """{"start_week": 10, "price_per_week": 4}""", ct));

        var recorded = await RecomputesAsync();
        Assert.That(recorded.Select(r => (r.Week, r.OldStatus, r.OldAmount, r.NewStatus, r.NewAmount, r.Reason)),
            Is.EqualTo(new[] { (10, "failed", 5m, "failed", 4m, "rule price_per_week set by admin 7") }),
            "week 10 is closed and repriced; week 11 is in progress and not recorded");
    }

    [Test]
    public async Task NeedsRelink_WeeksFromTheBreakAreNoDataAndChargeNothing_UntilTheBackfillAfterTheRelink()
    {
        var member = await LinkedMemberInSeasonAsync();
        _strava.Athlete(1).Add(Run(1, 3), Run(2, 4), Run(3, 5), Run(5, 10), Run(6, 11), Run(7, 12));
        await Sync.RecheckAsync(member.Id);
        var baseline = (await RecomputesAsync()).Count;
        _strava.RevokeAllTokens(1);

        await Sync.RecheckAsync(member.Id);
        var broken = await _host.FindMemberAsync(member.Id);
        var thisWeek = (await StandingsAsync()).Members.Single().Weeks;
        _time.Advance(TimeSpan.FromDays(14));
        var twoWeeksLater = (await StandingsAsync()).Members.Single();

        // The member links again; their Strava has W11 complete and nothing in W12.
        var (access, refresh) = _strava.IssueTokens(1);
        await _host.Get<StravaLinkRepository>().LinkAsync(new StravaLinkRequest(
            11, 1, "Ada", "Lovelace", null, access, refresh, _time.GetUtcNow().UtcDateTime.AddHours(6), "read,activity:read_all"));
        await _host.GetInternal<StravaSyncJob>().RunBackfillsAsync(CancellationToken.None);
        var relinked = (await StandingsAsync()).Members.Single();
        var recomputes = (await RecomputesAsync()).Skip(baseline).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(broken!.LinkState, Is.EqualTo(LinkState.NeedsRelink));
            Assert.That(broken.NoDataSinceUtc, Is.EqualTo(Wednesday.UtcDateTime));
            Assert.That(thisWeek.Select(w => (w.Week, w.Status)), Is.EqualTo(new[] { (10, WeekStatus.Passed), (11, WeekStatus.NoData) }),
                "the week of the break shows as unknown, not in progress");

            Assert.That(twoWeeksLater.Weeks.Select(w => (w.Week, w.Status, w.Amount)), Is.EqualTo(new[]
            {
                (10, WeekStatus.Passed, 0m), (11, WeekStatus.NoData, 0m), (12, WeekStatus.NoData, 0m), (13, WeekStatus.NoData, 0m),
            }), "closed weeks without data are not charged automatically");
            Assert.That(twoWeeksLater.Total, Is.Zero);

            Assert.That(relinked.Weeks.Select(w => (w.Week, w.Status, w.Amount)), Is.EqualTo(new[]
            {
                (10, WeekStatus.Passed, 0m), (11, WeekStatus.Passed, 0m), (12, WeekStatus.Failed, 5m), (13, WeekStatus.InProgress, 0m),
            }), "after the back-fill the weeks count again from the stored activities");
            Assert.That((await _host.FindMemberAsync(member.Id))!.NoDataSinceUtc, Is.Null);
            Assert.That(recomputes.Select(r => (r.Week, r.OldStatus, r.NewStatus, r.NewAmount, r.Reason)), Is.EquivalentTo(new[]
            {
                (11, "no_data", "passed", 0m, "Strava back-fill"), (12, "no_data", "failed", 5m, "Strava back-fill"),
            }), "the relink's effect on closed weeks is an explicit, recorded recompute");
        });
    }

    [Test]
    public async Task Backfill_WebhookWritesWhileItWasListing_AreNotUndoneByTheOlderListing()
    {
        var member = await LinkedMemberInSeasonAsync();
        _strava.Athlete(1).Add(Run(1, 3), Run(2, 4), Run(3, 5));
        await Sync.RecheckAsync(member.Id);

        // The listing Strava will answer was taken now, before the webhook changes below.
        _strava.Script("GET", "/api/v3/athlete/activities", new FakeStravaAnswer(200, await ListingBodyAsync(member.Id), TimeSpan.FromSeconds(2)));
        _strava.Athlete(1).Activities.TryRemove(2, out _);
        _strava.Athlete(1).Activities[3] = _strava.Athlete(1).Activities[3] with { MovingTime = 50 * 60 };
        _strava.Athlete(1).Add(Run(4, 6));

        var listing = Sync.RecheckAsync(member.Id);
        await WaitForAsync(() => _strava.CallsTo("GET", "/api/v3/athlete/activities").Count >= 3);
        await Sync.RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 2);
        await Sync.RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 3);
        await Sync.RecheckActivityAsync(member.Id, member.StravaAthleteId!.Value, 4);
        var outcome = await listing;

        var stored = await _host.ActivitiesAsync(member.Id);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.IsOk, Is.True);
            Assert.That(stored.Select(a => a.Id), Is.EqualTo(new long[] { 1, 3, 4 }), "2 stays deleted and 4 stays created");
            Assert.That(stored.Single(a => a.Id == 3).MovingTime, Is.EqualTo(50 * 60), "the webhook's newer duration stays");
        });
    }

    private ActivitySync Sync => _host.GetInternal<ActivitySync>();

    private static FakeActivity Run(long id, int marchDay) => FakeActivity.Run(id, new DateTime(2026, 3, marchDay, 7, 0, 0));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out waiting");
            await Task.Delay(10);
        }
    }

    private async Task<Member> LinkedMemberInSeasonAsync()
    {
        var member = await _host.AddLinkedMemberAsync(1, 11);
        var challenge = await _host.AddChallengeAsync(Guild, 2026);
        await using (var context = await _host.CreateContextAsync())
        {
            var row = await context.Challenges.SingleAsync(c => c.Id == challenge.Id);
            row.RulesJson = """{"start_week": 10}""";
            await context.SaveChangesAsync();
        }

        await _host.Get<MemberRepository>().JoinAsync(challenge.Id, member.Id, 1, true);
        return member;
    }

    private async Task<SeasonStandings> StandingsAsync() =>
        (await _host.Get<SeasonPipeline>().ScoreAsync(Guild, 2026, null))!;

    private async Task<List<WeekRecompute>> RecomputesAsync()
    {
        await using var context = await _host.CreateContextAsync();
        return await context.WeekRecomputes.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<string> ListingBodyAsync(long memberId)
    {
        var token = (await _host.FindMemberAsync(memberId))!.AccessToken;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _strava.ApiBaseUrl + "/athlete/activities?per_page=200");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.That(response.IsSuccessStatusCode, Is.True);
        return await response.Content.ReadAsStringAsync();
    }
}
