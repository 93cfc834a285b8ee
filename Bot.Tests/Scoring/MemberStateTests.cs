using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Scoring;

namespace Bot.Tests.Scoring;

/// <summary>Members whose weeks do not come from their activities: syncing (no data yet) and left (frozen weeks).</summary>
[Category(TestCategories.Unit)]
public sealed class MemberStateTests
{
    private static readonly WeekResult[] Frozen =
    [
        new(1, 3, WeekStatus.Passed, 0, 0m),
        new(2, 1, WeekStatus.Failed, 0, 5m),
        new(3, 0, WeekStatus.Joker, 1, 0m),
        new(4, 0, WeekStatus.Failed, 1, 10m),
    ];

    private static Season ThreeRunsInWeek2(Season season)
    {
        season.Run("2024-01-08T10:00", 40).Run("2024-01-09T10:00", 40).Run("2024-01-10T10:00", 40);
        return season;
    }

    [Test]
    public void Score_SyncingMember_EveryWeekNoDataAndNothingOwed()
    {
        var standing = ThreeRunsInWeek2(new Season(asOf: "2024-01-29") { State = MemberState.Syncing }).Joker(3).Score();

        Assert.Multiple(() =>
        {
            Assert.That(standing.Weeks.Select(w => (w.Week, w.Status, w.Amount)), Is.EqualTo(new[]
            {
                (1, WeekStatus.NoData, 0m), (2, WeekStatus.NoData, 0m), (3, WeekStatus.Joker, 0m), (4, WeekStatus.NoData, 0m), (5, WeekStatus.NoData, 0m),
            }), "a joker stays a joker");
            Assert.That(standing.Total, Is.Zero);
            Assert.That(standing.State, Is.EqualTo(MemberState.Syncing));
        });
    }

    [Test]
    public void Score_FrozenWeeks_AreTheWeeksAndTotalWhateverTheActivitiesAndJokers()
    {
        var standing = ThreeRunsInWeek2(new Season(asOf: "2024-03-13") { State = MemberState.Left, FrozenWeeks = Frozen }).Joker(4).Score();

        Assert.Multiple(() =>
        {
            Assert.That(standing.Weeks, Is.EqualTo(Frozen), "the weeks after leaving (5 to 11) are not listed");
            Assert.That(standing.Total, Is.EqualTo(15m));
            Assert.That(standing.State, Is.EqualTo(MemberState.Left));
        });
    }

    [Test]
    public void Score_FrozenWeeksAsOfAnEarlierDate_OnlyTheWeeksReportedThen()
    {
        var standing = new Season(asOf: "2024-01-17") { State = MemberState.Left, FrozenWeeks = Frozen }.Score();

        Assert.That((standing.Weeks.Select(w => w.Week), standing.Total), Is.EqualTo((new[] { 1, 2, 3 }, 5m)));
    }

    [Test]
    public void ScoreWeek_FrozenMember_FrozenWeekShownAndWeekAfterLeavingNotReported()
    {
        var season = new Season(asOf: "2024-03-13") { State = MemberState.Left, FrozenWeeks = Frozen };

        var week4 = SeasonScorer.ScoreWeek(season.Input(), 4).Single();
        var week6 = SeasonScorer.ScoreWeek(season.Input(), 6).Single();

        Assert.That((week4.Result, week6.Result), Is.EqualTo(((WeekResult?)Frozen[3], (WeekResult?)null)));
    }

    [Test]
    public void StandingsJson_SyncingAndLeftMembers_NameTheStateAndSyncingWeeks_ActiveMembersUnchanged()
    {
        var syncing = SeasonScorer.Score(new Season(asOf: "2024-01-10") { State = MemberState.Syncing }.Input());
        var left = SeasonScorer.Score(new Season(asOf: "2024-01-10") { State = MemberState.Left, FrozenWeeks = Frozen }.Input());
        var active = SeasonScorer.Score(new Season(asOf: "2024-01-10").Input());

        var syncingMember = Json(syncing)["members"]![0]!;
        var leftMember = Json(left)["members"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)syncingMember["state"], Is.EqualTo("syncing"));
            Assert.That(syncingMember["weeks"]!.AsArray().Select(w => (string?)w!["status"]), Is.EqualTo(new[] { "syncing", "syncing" }));
            Assert.That(((string?)leftMember["state"], (decimal)leftMember["total"]!), Is.EqualTo(("left", 5m)));
            Assert.That(Json(active)["members"]![0]!.AsObject().ContainsKey("state"), Is.False, "the score verb's schema stays as it was");
        });
    }

    private static JsonNode Json(SeasonStandings standings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            StandingsJson.Write(standings, writer);
        }

        return JsonNode.Parse(buffer.ToArray())!;
    }
}
