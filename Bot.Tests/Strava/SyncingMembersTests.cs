using Bot.Data.Legacy;
using Bot.Scoring;
using Bot.Standings;
using Bot.Strava;
using Bot.Tests.Strava.Fakes;
using Bot.Tests.Support;

namespace Bot.Tests.Strava;

/// <summary>
/// Issue 12 item 4: members imported from the old bot are "syncing" until their first back-fill completes — no week of
/// theirs has data, they owe nothing — and once it completes their weeks are priced as everyone's.
/// </summary>
[Category(TestCategories.Unit)]
public sealed class SyncingMembersTests : StravaHostFixture
{
    private const long Guild = 100;

    // Wednesday of 2024-W11: weeks 1–10 are closed; the sample's tokens expired on 2024-03-09.
    private static readonly DateTimeOffset Now = new(2024, 3, 13, 12, 0, 0, TimeSpan.Zero);

    private protected override DateTimeOffset? PinnedNow => Now;

    [SetUp]
    public async Task ImportAsync()
    {
        await StravaHost.Get<LegacyImporter>().ImportAsync(RepositoryPaths.LegacySample, Guild, RulesJson.Validate);
    }

    [Test]
    public async Task Standings_ImportedMembersBeforeTheirBackfill_SyncingNoDataAndOweNothing()
    {
        var standings = await StandingsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(standings.Members.Select(m => m.State).ToList(), Has.Count.EqualTo(4).And.All.EqualTo(MemberState.Syncing));
            Assert.That(standings.Members.SelectMany(m => m.Weeks).Select(w => w.Status).Distinct(), Is.EquivalentTo(new[] { WeekStatus.NoData, WeekStatus.Joker }),
                "Lukas' joker week stays a joker; every other week has no data");
            Assert.That(standings.Members.Sum(m => m.Total), Is.Zero, "the pot holds nothing of theirs");
        });
    }

    [Test]
    public async Task Backfill_FailsForSomeAndCompletesForAnna_OnlyAnnaIsPriced()
    {
        // Strava takes Anna's imported refresh token; the others' it refuses (Strava no longer knows them).
        FakeStrava.AddAthlete(5001, "Anna", "Berger").Add(
            FakeActivity.Run(1, new DateTime(2024, 1, 8, 7, 0, 0)), FakeActivity.Run(2, new DateTime(2024, 1, 9, 7, 0, 0)), FakeActivity.Run(3, new DateTime(2024, 1, 10, 7, 0, 0)));
        FakeStrava.AcceptRefreshToken("sample-refresh-5001", 5001);

        var done = await StravaHost.GetInternal<StravaSyncJob>().RunBackfillsAsync(CancellationToken.None);

        var standings = await StandingsAsync();
        var anna = standings.Members.Single(m => m.Name == "Anna Berger");
        var others = standings.Members.Where(m => m != anna).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(done, Is.EqualTo(1));
            Assert.That(anna.State, Is.EqualTo(MemberState.Active));
            Assert.That(anna.Weeks.Select(w => (w.Week, w.Status, w.Amount)), Is.EqualTo(new[]
            {
                (1, WeekStatus.Failed, 5m), (2, WeekStatus.Passed, 0m), (3, WeekStatus.Failed, 5m), (4, WeekStatus.Failed, 10m), (5, WeekStatus.Failed, 20m),
                (6, WeekStatus.Failed, 40m), (7, WeekStatus.Failed, 80m), (8, WeekStatus.Failed, 160m), (9, WeekStatus.Failed, 320m),
                (10, WeekStatus.Failed, 640m), (11, WeekStatus.InProgress, 0m),
            }), "priced as for everyone, from the back-filled runs");
            Assert.That(others.Select(m => (m.State, m.Total)), Is.All.EqualTo((MemberState.Syncing, 0m)), "a failed back-fill leaves them syncing, owing nothing");
            Assert.That(standings.Members.Sum(m => m.Total), Is.EqualTo(1280m));
        });
    }

    private async Task<SeasonStandings> StandingsAsync() =>
        (await StravaHost.Get<SeasonPipeline>().ScoreAsync(Guild, 2024, null))!;
}
