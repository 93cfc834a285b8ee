using Bot.Data.Queries;
using Bot.Pictures;
using Bot.Scoring;
using Bot.Texts;

namespace Bot.Tests.Pictures;

/// <summary>Standings → picture rows: consenting members only, the whole pot, every week's kind.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class PictureModelsTests
{
    private static SeasonMemberRow Row(long id, bool consent) => new(id, id, id, $"M{id}", "X", null, consent, 1);

    [Test]
    public void Season_MixedConsentAndAnError_RowsOnlyForConsentingCountedMembersPotOfAllCounted()
    {
        // 2026-01-21 is the Wednesday of week 4 of 2026.
        var standings = new SeasonStandings(2026, new DateOnly(2026, 1, 21),
        [
            new MemberStanding("1", "Low", [new WeekResult(1, 3, WeekStatus.Passed, 0, 0), new WeekResult(2, 0, WeekStatus.Failed, 0, 5), new WeekResult(3, 0, WeekStatus.Joker, 1, 0), new WeekResult(4, 1, WeekStatus.InProgress, 1, 0)], 5, null),
            new MemberStanding("2", "Hidden", [new WeekResult(2, 0, WeekStatus.Failed, 0, 5)], 7, null),
            new MemberStanding("3", "High", [new WeekResult(2, 0, WeekStatus.Failed, 0, 9)], 9, null),
            MemberStanding.Failed("4", "Broken", "too large"),
        ]);

        var picture = PictureModels.Season([Row(1, true), Row(2, false), Row(3, true), Row(4, true)], standings, "€");

        Assert.That(picture.Rows.Select(r => r.Name), Is.EqualTo(new[] { "High", "Low" }), "highest total first; Hidden and Broken have no row");
        Assert.That((picture.Pot, picture.Hidden, picture.Uncounted, picture.WeekCount), Is.EqualTo((21m, 1, 1, 53)));
        var low = picture.Rows[1].Cells;
        Assert.That(low.Take(6).Select(c => c.Kind), Is.EqualTo(new[] { CellKind.Passed, CellKind.Failed, CellKind.Joker, CellKind.InProgress, CellKind.Future, CellKind.Future }));
        Assert.That(low[1].Amount, Is.EqualTo(5m));
        Assert.That(picture.Rows[0].Cells[0].Kind, Is.EqualTo(CellKind.NotCounted), "a past week without a result");
    }

    [Test]
    public void Week_MixedConsent_BarsForConsentingMembersWithAResultMostPointsFirst()
    {
        MemberWeek Week(string name, long points, WeekStatus status) => new(name, name, new WeekResult(5, points, status, 0, status == WeekStatus.Failed ? 5 : 0), null);
        var results = new[] { Week("a", 1, WeekStatus.Failed), Week("b", 7, WeekStatus.Passed), Week("secret", 9, WeekStatus.Passed), new MemberWeek("n", "n", null, null) };

        var picture = PictureModels.Week(2026, 5, inProgress: false, 3, [Row(1, true), Row(2, true), Row(3, false), Row(4, true)], results, "€");

        Assert.That(picture.Bars.Select(b => (b.Name, b.Points)), Is.EqualTo(new[] { ("b", 7L), ("a", 1L) }));
        Assert.That((picture.Hidden, picture.Bars[1].Amount), Is.EqualTo((1, 5m)));
    }

    [Test]
    public void SeasonAndWeek_SyncingAndLeftMembers_NamedSoAndSyncingWeeksWithoutData()
    {
        var standings = new SeasonStandings(2026, new DateOnly(2026, 1, 21),
        [
            new MemberStanding("1", "Sync", [new WeekResult(1, 0, WeekStatus.NoData, 0, 0), new WeekResult(4, 0, WeekStatus.NoData, 0, 0)], 0, null, MemberState.Syncing),
            new MemberStanding("2", "Gone", [new WeekResult(1, 0, WeekStatus.Failed, 0, 5)], 5, null, MemberState.Left),
        ]);
        SeasonMemberRow[] members = [Row(1, true) with { Syncing = true }, Row(2, true) with { LeftAtUtc = new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc), Frozen = true }];
        MemberWeek[] week4 = [new("1", "Sync", new WeekResult(4, 0, WeekStatus.NoData, 0, 0), null)];

        var season = PictureModels.Season(members, standings, "€");
        var week = PictureModels.Week(2026, 4, inProgress: true, 3, members[..1], week4, "€");

        Assert.Multiple(() =>
        {
            Assert.That(season.Rows.Select(r => r.Name), Is.EqualTo(new[] { "Gone (left)", "Sync (syncing)" }));
            Assert.That(season.Rows[1].Cells[3].Kind, Is.EqualTo(CellKind.NoData));
            Assert.That(season.Pot, Is.EqualTo(5m));
            Assert.That((week.Bars[0].Name, week.Bars[0].State), Is.EqualTo(("Sync (syncing)", MemberState.Syncing)));
        });
    }

    [Test]
    public void SeasonAndWeek_GermanSyncingAndLeftMembers_NamedInGermanAndThePicturesInGerman()
    {
        var standings = new SeasonStandings(2026, new DateOnly(2026, 1, 21),
        [
            new MemberStanding("1", "Sync", [new WeekResult(4, 0, WeekStatus.NoData, 0, 0)], 0, null, MemberState.Syncing),
            new MemberStanding("2", "Gone", [new WeekResult(1, 0, WeekStatus.Failed, 0, 5)], 5, null, MemberState.Left),
        ]);
        SeasonMemberRow[] members = [Row(1, true) with { Syncing = true }, Row(2, true) with { LeftAtUtc = new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc), Frozen = true }];
        MemberWeek[] week4 = [new("1", "Sync", new WeekResult(4, 0, WeekStatus.NoData, 0, 0), null)];

        var season = PictureModels.Season(members, standings, "€", Language.German);
        var week = PictureModels.Week(2026, 4, inProgress: true, 3, members[..1], week4, "€", Language.German);

        Assert.That(season.Rows.Select(r => r.Name), Is.EqualTo(new[] { "Gone (ausgetreten)", "Sync (synchronisiert)" }));
        Assert.That((week.Bars[0].Name, season.Language, week.Language), Is.EqualTo(("Sync (synchronisiert)", Language.German, Language.German)));
    }
}
