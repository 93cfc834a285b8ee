using Bot.Commands;
using Bot.Scoring;

namespace Bot.Tests.Standings;

/// <summary>/me for a member whose weeks do not come from their activities: syncing, or left.</summary>
[Category(TestCategories.Unit)]
public sealed class MeTextTests
{
    private static readonly SeasonCalendar Calendar = SeasonCalendar.For(2026);

    [Test]
    public void Describe_SyncingMember_SaysSyncingWithTheLastSyncAndEveryWeekSyncing()
    {
        var standing = new MemberStanding("11", "Anna", [new WeekResult(1, 0, WeekStatus.NoData, 0, 0), new WeekResult(2, 0, WeekStatus.NoData, 0, 0)], 0, null, MemberState.Syncing);

        var text = MeCommands.Describe(standing, [], new Dictionary<long, ActivityCredit>(), Calendar, Rules.Default, "€", 1, "last sync never");

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("❔ Syncing with Strava (last sync never)").And.Contain("owe nothing"));
            Assert.That(text.Split('\n').Count(l => l.EndsWith("❔ syncing / no data", StringComparison.Ordinal)), Is.EqualTo(2));
        });
    }

    [Test]
    public void Describe_MemberWhoLeft_SaysWhenAndThatTheClosedWeeksStay()
    {
        var standing = new MemberStanding("11", "Anna", [new WeekResult(1, 1, WeekStatus.Failed, 0, 5m)], 5m, null, MemberState.Left);

        var text = MeCommands.Describe(standing, [], new Dictionary<long, ActivityCredit>(), Calendar, Rules.Default, "€", 1, "left on 2026-01-21");

        Assert.That(text, Does.Contain("Total: **5.00 €**").And.Contain("You left on 2026-01-21").And.Contain("closed weeks stay in the ledger").And.Contain("**Week 1** — 1/3 ❌ 5.00 €"));
    }
}
