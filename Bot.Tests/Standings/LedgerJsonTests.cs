using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Data.Queries;
using Bot.Scoring;
using Bot.Standings;

namespace Bot.Tests.Standings;

/// <summary>The computed ledger of /admin export: only members who agreed to channel reports, a count of the others, the pot over everyone.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class LedgerJsonTests
{
    // Anna (301) and a legacy member whose amount overflows agreed to channel reports; 302 did not.
    private static SeasonStandings Standings => LedgerCsvTests.Standings;

    private static SeasonMemberRow[] Members => LedgerCsvTests.Members;

    [Test]
    public void From_MemberWithoutConsent_LeftOutButCountedAndInThePot()
    {
        var shared = SharedStandings.From(Members, Standings);

        Assert.Multiple(() =>
        {
            Assert.That(shared.Shown.Members.Select(m => m.Id), Is.EqualTo(new[] { "301", "member:7" }));
            Assert.That(shared.Members.Select(m => m.MemberId), Is.EqualTo(new[] { 1L, 3L }), "rows in the order of the shown standings");
            Assert.That(shared.Hidden, Is.EqualTo(1));
            Assert.That(shared.Pot, Is.EqualTo(20.25m), "everyone's total but the one that cannot be counted");
        });
    }

    [Test]
    public void Write_SharedStandings_ComputedNumbersOnlyWithHiddenAndPot()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            LedgerJson.Write(SharedStandings.From(Members, Standings), "€", 3.5m, writer);
        }

        var json = JsonNode.Parse(buffer.ToArray())!;
        var members = json["members"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(((int)json["season"]!, (string)json["as_of"]!, (string)json["currency"]!, (decimal)json["points_required"]!), Is.EqualTo((2026, "2026-03-04", "€", 3.5m)));
            Assert.That(((int)json["hidden"]!, (decimal)json["pot"]!), Is.EqualTo((1, 20.25m)));
            Assert.That(members[0]!["weeks"]!.ToJsonString(), Is.EqualTo(
                """[{"week":1,"points":4,"status":"passed","streak":0,"amount":0},{"week":2,"points":1,"status":"failed","streak":0,"amount":5},{"week":3,"points":0,"status":"joker","streak":1,"amount":0}]"""));
            Assert.That(((string)members[0]!["id"]!, (decimal)members[0]!["total"]!), Is.EqualTo(("301", 5m)));
            Assert.That(members[1]!.ToJsonString(), Is.EqualTo("""{"id":"member:7","name":"Big Owner","error":"the amount of week 40 does not fit a decimal"}"""));
            Assert.That(json.ToJsonString(), Does.Not.Contain("HYPERLINK").And.Not.Contain("302").And.Not.Contain("athlete"));
        });
    }
}
