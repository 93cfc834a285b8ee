using Bot.Data.Queries;
using Bot.Scoring;
using Bot.Standings;

namespace Bot.Tests.Standings;

/// <summary>The ledger CSV reads back into the standings it was written from, whatever the names hold.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class LedgerCsvTests
{
    internal static readonly SeasonStandings Standings = new(2026, new DateOnly(2026, 3, 4),
    [
        new MemberStanding("301", "Anna \"Speedy\" Berg, Jr.", [new WeekResult(1, 4, WeekStatus.Passed, 0, 0), new WeekResult(2, 1, WeekStatus.Failed, 0, 5m), new WeekResult(3, 0, WeekStatus.Joker, 1, 0)], 5m, null),
        new MemberStanding("302", "=HYPERLINK(\"http://x\")", [new WeekResult(1, 0, WeekStatus.Failed, 0, 5m), new WeekResult(2, 0, WeekStatus.Failed, 1, 10.25m), new WeekResult(10, 2, WeekStatus.InProgress, 2, 0)], 15.25m, null),
        MemberStanding.Failed("member:7", "Big Owner", "the amount of week 40 does not fit a decimal"),
    ]);

    internal static readonly SeasonMemberRow[] Members =
    [
        new(1, 1, 301, "Anna", "Berg", 1, true, 1),
        new(2, 2, 302, "X", "Y", 2, false, 0),
        new(3, 3, null, "Big", "Owner", null, true, 0),
    ];

    [Test]
    public void Members_ParsedBack_GivesEveryMembersTotalCountsAndError()
    {
        var rows = Csv.Parse(LedgerCsv.Members(Members, Standings));

        Assert.That(rows[0], Is.EqualTo(LedgerCsv.MembersHeader.Split(',')));
        Assert.That(rows, Has.Count.EqualTo(4));
        Assert.That(rows[1], Is.EqualTo(new[] { "301", "Anna \"Speedy\" Berg, Jr.", "true", "1", "1", "1", "0", "0", "5.00", "", "active", "", "" }));
        Assert.That(rows[2][1], Is.EqualTo("'=HYPERLINK(\"http://x\")"), "a formula is written as text");
        Assert.That((rows[2][2], rows[2][4], rows[2][6], rows[2][8]), Is.EqualTo(("false", "2", "1", "15.25")));
        Assert.That((rows[3][0], rows[3][8], rows[3][9]), Is.EqualTo(("member:7", "", "the amount of week 40 does not fit a decimal")));
    }

    [Test]
    public void Weeks_ParsedBack_EqualsEachWeekResultAndAddsUpToTheTotals()
    {
        var rows = Csv.Parse(LedgerCsv.Weeks(Standings, 3.5m)).Skip(1).ToList();

        var expected = Standings.Members.SelectMany(m => m.Weeks.Select(w => new[]
        {
            m.Id, m.Name.StartsWith('=') ? "'" + m.Name : m.Name, w.Week.ToString(System.Globalization.CultureInfo.InvariantCulture),
            w.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), "3.5", LedgerCsv.Status(w.Status),
            w.Streak.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        })).ToList();
        Assert.That(rows, Is.EqualTo(expected));
        foreach (var member in Standings.Members.Where(m => !m.HasError))
        {
            Assert.That(rows.Where(r => r[0] == member.Id).Sum(r => decimal.Parse(r[7], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(member.Total));
        }
    }

    [Test]
    public void Amount_NegativeNumberOrPlainText_IsNotMistakenForAFormula()
    {
        var standings = Standings with { Members = [new MemberStanding("1", "-5", [new WeekResult(1, 0, WeekStatus.Failed, 0, 1m)], 1m, null)] };

        var rows = Csv.Parse(LedgerCsv.Members([Members[0]], standings));

        Assert.That(rows[1][1], Is.EqualTo("-5"), "a number stays a number");
    }

    [Test]
    public void MembersAndWeeks_SyncingAndLeftMembers_SayWhyAndWhen()
    {
        var standings = Standings with
        {
            Members =
            [
                new MemberStanding("301", "Anna", [new WeekResult(1, 0, WeekStatus.NoData, 0, 0)], 0, null, MemberState.Syncing),
                new MemberStanding("302", "Jonas", [new WeekResult(1, 1, WeekStatus.Failed, 0, 5m)], 5m, null, MemberState.Left),
            ],
        };
        SeasonMemberRow[] members =
        [
            Members[0] with { Syncing = true },
            Members[1] with { LeftAtUtc = new DateTime(2026, 3, 2, 17, 30, 0, DateTimeKind.Utc), Frozen = true },
        ];

        var ledger = Csv.Parse(LedgerCsv.Members(members, standings));
        var weeks = Csv.Parse(LedgerCsv.Weeks(standings, 3m));

        Assert.Multiple(() =>
        {
            Assert.That(ledger[1][^3..], Is.EqualTo(new[] { "syncing", "", "" }), "syncing, never synced");
            Assert.That((ledger[1][8], ledger[2][8]), Is.EqualTo(("0.00", "5.00")));
            Assert.That(ledger[2][^3..], Is.EqualTo(new[] { "left", "", "2026-03-02T17:30:00Z" }));
            Assert.That(weeks.Skip(1).Select(w => (w[0], w[5])), Is.EqualTo(new[] { ("301", "syncing"), ("302", "failed") }));
        });
    }
}
