using Bot.Data.Entities;
using Bot.Data.Queries;
using Bot.Data.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Data.Repositories;

/// <summary>A member leaving, in the store: Strava data out and closed weeks frozen, all in one transaction, or nothing.</summary>
[Category(TestCategories.Integration)]
public sealed class MemberDepartureRepositoryTests
{
    private const long Athlete = 5001;
    private TempDatabase _database = null!;
    private Member _anna = null!;
    private Member _ben = null!;
    private Participation _annaIn2024 = null!;
    private Participation _annaIn2023 = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TempDatabase.CreateAsync();
        var season2024 = await TestData.AddChallengeAsync(_database, seasonYear: 2024);
        var season2023 = await TestData.AddChallengeAsync(_database, seasonYear: 2023);
        _anna = await TestData.AddMemberAsync(_database, "Anna", 11, Athlete);
        _ben = await TestData.AddMemberAsync(_database, "Ben", 12, 5002);
        _annaIn2024 = await TestData.AddParticipationAsync(_database, season2024, _anna);
        _annaIn2023 = await TestData.AddParticipationAsync(_database, season2023, _anna);
        await TestData.AddParticipationAsync(_database, season2024, _ben);
        await TestData.AddAsync(
            _database,
            TestData.NewActivity(1, _anna, new DateTime(2024, 1, 3, 7, 0, 0)),
            TestData.NewActivity(2, _anna, new DateTime(2024, 1, 4, 7, 0, 0)),
            TestData.NewActivity(3, _ben, new DateTime(2024, 1, 4, 7, 0, 0)),
            new StravaSyncState { MemberId = _anna.Id, LastBackfillAtUtc = TestData.Now, BackfilledFromLocal = new DateTime(2024, 1, 1), LastSyncAtUtc = TestData.Now },
            TestData.NewWebhookEvent(Athlete, TestData.Now, processed: false),
            TestData.NewWebhookEvent(Athlete, TestData.Now, processed: true),
            TestData.NewWebhookEvent(5002, TestData.Now, processed: false));
        await using var context = await _database.CreateContextAsync();
        var anna = await context.Members.SingleAsync(m => m.Id == _anna.Id);
        anna.ProfileMediumUrl = "https://example.invalid/anna.jpg";
        anna.Scopes = "read,activity:read_all";
        anna.TokenExpiresAtUtc = TestData.Now.AddHours(6);
        anna.NoDataSinceUtc = TestData.Now;
        await context.SaveChangesAsync();
    }

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    private MemberDepartureRepository Departures => _database.Get<MemberDepartureRepository>();

    private FrozenWeekRow[] AnnasWeeks =>
    [
        new(_annaIn2024.Id, 1, 2, "failed", 0, 5m),
        new(_annaIn2024.Id, 2, 3, "passed", 1, 0m),
        new(_annaIn2023.Id, 52, 0, "failed", 3, 40m),
    ];

    [Test]
    public async Task LeaveAsync_LinkedMember_DeletesEveryPieceOfStravaDataAndFreezesTheWeeks()
    {
        var outcome = await Departures.LeaveAsync(_anna.Id, AnnasWeeks);

        await using var context = await _database.CreateContextAsync();
        var anna = await context.Members.AsNoTracking().SingleAsync(m => m.Id == _anna.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(outcome, Is.EqualTo(new DepartureOutcome(3, 2, 2)));
            Assert.That((anna.AccessToken, anna.RefreshToken, anna.TokenExpiresAtUtc, anna.Scopes, anna.StravaAthleteId, anna.ProfileMediumUrl, anna.NoDataSinceUtc),
                Is.EqualTo(((string?)null, (string?)null, (DateTime?)null, (string?)null, (long?)null, (string?)null, (DateTime?)null)));
            Assert.That((anna.DiscordUserId, anna.FirstName, anna.LinkState), Is.EqualTo(((long?)11, "Anna", LinkState.Unlinked)),
                "the member stays with their Discord id and name, as app data");
            Assert.That(anna.LeftAtUtc, Is.Not.Null);
            Assert.That(await context.Activities.Select(a => a.Id).ToListAsync(), Is.EqualTo(new long[] { 3 }), "only Ben's activity is left");
            Assert.That(await context.StravaSyncStates.AnyAsync(s => s.MemberId == _anna.Id), Is.False);
            Assert.That(await context.WebhookEvents.Select(e => e.OwnerId).ToListAsync(), Is.EqualTo(new long[] { 5002 }), "Anna's queued and processed events are gone");
            Assert.That(await context.Participations.Where(p => p.MemberId == _anna.Id).Select(p => p.FrozenAtUtc).ToListAsync(), Is.All.EqualTo(anna.LeftAtUtc));
            Assert.That(await FrozenAsync(context), Is.EqualTo(AnnasWeeks.OrderBy(w => w.ParticipationId).ThenBy(w => w.Week)));
        });
    }

    [Test]
    public async Task LeaveAsync_FailureMidWay_ChangesNothing()
    {
        var before = await SnapshotAsync();
        await using (var context = await _database.CreateContextAsync())
        {
            // The deletes have run when the frozen weeks are inserted: this stands for the disk failing then.
            await context.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER fail_freeze BEFORE INSERT ON frozen_week_results BEGIN SELECT RAISE(ABORT, 'disk failure'); END;");
        }

        Assert.That(async () => await Departures.LeaveAsync(_anna.Id, AnnasWeeks), Throws.InstanceOf<DbUpdateException>());

        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task LeaveAsync_WeekOfAnotherMembersParticipation_RefusedAndNothingChanged()
    {
        var before = await SnapshotAsync();
        var bens = (await _database.Get<SeasonQueries>().ReadSeasonAsync(_annaIn2024.ChallengeId, new DateTime(2024, 1, 1), new DateTime(2024, 12, 30)))
            .Members.Single(m => m.MemberId == _ben.Id).ParticipationId;

        Assert.That(async () => await Departures.LeaveAsync(_anna.Id, [.. AnnasWeeks, new FrozenWeekRow(bens, 1, 0, "failed", 0, 5m)]),
            Throws.ArgumentException);

        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task LeaveAsync_Twice_SecondChangesNothing()
    {
        await Departures.LeaveAsync(_anna.Id, AnnasWeeks);
        var before = await SnapshotAsync();

        var again = await Departures.LeaveAsync(_anna.Id, [new FrozenWeekRow(_annaIn2024.Id, 3, 0, "failed", 0, 5m)]);

        Assert.That((again, await SnapshotAsync()), Is.EqualTo(((DepartureOutcome?)null, before)));
    }

    [Test]
    public async Task LeaveAsync_MemberWithoutParticipation_DeletedWhole()
    {
        var loner = await TestData.AddMemberAsync(_database, "Loner", 13, 5003);

        var outcome = await Departures.LeaveAsync(loner.Id, []);

        await using var context = await _database.CreateContextAsync();
        Assert.That((outcome, await context.Members.AnyAsync(m => m.Id == loner.Id)), Is.EqualTo(((DepartureOutcome?)new DepartureOutcome(0, 0, 0), false)));
    }

    [Test]
    public async Task Relink_ThenBackfillOfTheSeason_ThatSeasonsFrozenWeeksGoAndEarlierSeasonsStay()
    {
        await Departures.LeaveAsync(_anna.Id, AnnasWeeks);
        var links = _database.Get<StravaLinkRepository>();

        var relinked = await links.LinkAsync(new StravaLinkRequest(11, Athlete, "Anna", "Tester", null, "access-2", "refresh-2", TestData.Now.AddHours(6), "read,activity:read_all"));
        var afterLink = await FrozenStateAsync();
        await _database.Get<StravaSyncRepository>().RecordBackfillAsync(_anna.Id, new DateTime(2024, 1, 1));
        var afterBackfill = await FrozenStateAsync();

        await using var context = await _database.CreateContextAsync();
        var anna = await context.Members.AsNoTracking().SingleAsync(m => m.Id == _anna.Id);
        Assert.Multiple(() =>
        {
            Assert.That((relinked.MemberId, anna.LeftAtUtc, anna.LinkState, anna.StravaAthleteId), Is.EqualTo((_anna.Id, (DateTime?)null, LinkState.Linked, (long?)Athlete)));
            Assert.That(afterLink, Is.EqualTo((3, 2)), "until the back-fill, the frozen weeks stay");
            Assert.That(afterBackfill, Is.EqualTo((1, 1)), "the back-filled season 2024 is computed again; 2023 stays frozen");
        });
    }

    // Rows of every table a departure touches, as text.
    private async Task<string> SnapshotAsync()
    {
        await using var context = await _database.CreateContextAsync();
        var members = await context.Members.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => $"{m.Id}|{m.DiscordUserId}|{m.StravaAthleteId}|{m.AccessToken}|{m.RefreshToken}|{m.Scopes}|{m.ProfileMediumUrl}|{m.LinkState}|{m.LeftAtUtc}|{m.NoDataSinceUtc}")
            .ToListAsync();
        var participations = await context.Participations.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Id}|{p.FrozenAtUtc}").ToListAsync();
        var activities = await context.Activities.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var syncs = await context.StravaSyncStates.AsNoTracking().OrderBy(s => s.MemberId).Select(s => s.MemberId).ToListAsync();
        var events = await context.WebhookEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var frozen = await FrozenAsync(context);
        return string.Join('\n', members.Concat(participations).Append(string.Join(',', activities)).Append(string.Join(',', syncs))
            .Append(string.Join(',', events)).Concat(frozen.Select(f => f.ToString())));
    }

    private static async Task<List<FrozenWeekRow>> FrozenAsync(Bot.Data.ChallengeDbContext context) =>
        (await context.FrozenWeekResults.AsNoTracking().ToListAsync())
            .OrderBy(f => f.ParticipationId).ThenBy(f => f.Week)
            .Select(f => new FrozenWeekRow(f.ParticipationId, f.Week, f.Points, f.Status, f.Streak, f.Amount)).ToList();

    private async Task<(int Weeks, int FrozenParticipations)> FrozenStateAsync()
    {
        await using var context = await _database.CreateContextAsync();
        return (await context.FrozenWeekResults.CountAsync(), await context.Participations.CountAsync(p => p.FrozenAtUtc != null));
    }
}
