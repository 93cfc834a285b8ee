using System.Text;
using Bot.Scoring;

namespace Bot.Tests.Scoring;

/// <summary>The <c>score</c> input schema: what is accepted, and malformed input named by path.</summary>
[Category(TestCategories.Unit)]
public sealed class ScoreCaseTests
{
    private static SeasonInput Parse(string json) => ScoreCase.Parse(Encoding.UTF8.GetBytes(json));

    private static InvalidInputException Rejects(string json) =>
        Assert.Throws<InvalidInputException>(() => Parse(json))!;

    [Test]
    public void Parse_MinimalCase_DefaultsApplied()
    {
        var input = Parse("""{"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A"}]}""");

        Assert.That((input.Rules, input.Members[0].Activities.Count, input.Members[0].JokerWeeks.Count), Is.EqualTo((Rules.Default, 0, 0)));
    }

    [Test]
    public void Parse_UnknownKeysAnywhere_Ignored()
    {
        var input = Parse("""
            {"season":2024,"as_of":"2024-01-31","description":"x","members":[{"id":"1","name":"A","extra":[1],
             "activities":[{"id":5,"start_date_local":"2024-01-01 10:00","kudos_count":3,"map":{"id":"a"}}]}]}
            """);

        Assert.That(input.Members[0].Activities[0].Id, Is.EqualTo(5));
    }

    [Test]
    public void Parse_SameActivityIdTwiceInOneMember_RejectedNamingMemberAndId()
    {
        var exception = Rejects("""
            {"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A"},{"id":"111","name":"B","activities":[
              {"id":9001,"start_date_local":"2024-01-01T10:00:00Z"},
              {"id":9002,"start_date_local":"2024-01-02T10:00:00Z"},
              {"id":9001,"start_date_local":"2024-01-03T10:00:00Z"}]}]}
            """);

        Assert.That(exception.Message, Is.EqualTo("""$.members[1].activities[2].id: activity id 9001 appears twice in member "111" (first at $.members[1].activities[0])"""));
    }

    [Test]
    public void Parse_SameActivityIdInTwoMembers_EachKeepsItsOwn()
    {
        var input = Parse("""
            {"season":2024,"as_of":"2024-01-31","members":[
              {"id":"1","name":"A","activities":[{"id":9001,"start_date_local":"2024-01-01T10:00:00Z"}]},
              {"id":"2","name":"B","activities":[{"id":9001,"start_date_local":"2024-01-02T10:00:00Z"}]}]}
            """);

        Assert.That(input.Members.Select(m => m.Activities.Single().Id), Is.EqualTo(new[] { 9001L, 9001L }));
    }

    [Test]
    public void Parse_NullAndNegativeDurations_CountAsZero()
    {
        var input = Parse("""
            {"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A","activities":[
              {"id":1,"start_date_local":"2024-01-01T10:00:00Z","moving_time":null,"elapsed_time":-5},
              {"id":2,"start_date_local":"2024-01-01T10:00:00Z","moving_time":-1,"elapsed_time":90.9}]}]}
            """);

        var activities = input.Members[0].Activities;
        Assert.That(activities.Select(a => (a.MovingSeconds, a.ElapsedSeconds)), Is.EqualTo(new[] { (0m, 0L), (0m, 90L) }));
    }

    [TestCase("""{"as_of":"2024-01-31","members":[]}""", "$.season")]
    [TestCase("""{"season":0,"as_of":"2024-01-31","members":[]}""", "$.season")]
    [TestCase("""{"season":9999,"as_of":"2024-01-31","members":[]}""", "$.season")]
    [TestCase("""{"season":2024.5,"as_of":"2024-01-31","members":[]}""", "$.season")]
    [TestCase("""{"season":2024,"as_of":"31.01.2024","members":[]}""", "$.as_of")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31"}""", "$.members")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","members":{}}""", "$.members")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","members":[{"name":"A"}]}""", "$.members[0].id")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","members":[{"id":1,"name":"A"}]}""", "$.members[0].id")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A","joker_weeks":[54]}]}""", "$.members[0].joker_weeks[0]")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A","activities":[{"start_date_local":"2024-01-01T10:00"}]}]}""", "$.members[0].activities[0].id")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A","activities":[{"id":1,"start_date_local":"yesterday"}]}]}""", "$.members[0].activities[0].start_date_local")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A","activities":[{"id":1,"start_date_local":"2024-01-01T10:00","type":7}]}]}""", "$.members[0].activities[0].type")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","members":[{"id":"1","name":"A","activities":[{"id":1,"start_date_local":"2024-01-01T10:00","moving_time":"30"}]}]}""", "$.members[0].activities[0].moving_time")]
    [TestCase("""{"season":2024,"as_of":"2024-01-31","rules":{"multiplier":0},"members":[]}""", "$.rules.multiplier")]
    [TestCase("""[1,2]""", "$")]
    [TestCase("""{"season":2024,""", "$")]
    public void Parse_Malformed_NamesPath(string json, string path)
    {
        var exception = Rejects(json);

        Assert.That(exception.Path, Is.EqualTo(path), exception.Message);
    }

    [TestCase("2024-01-01T10:00", 10, 0, 0)]
    [TestCase("2024-01-01 10:00:05", 10, 0, 5)]
    [TestCase("2024-01-01T10:00:05.25Z", 10, 0, 5)]
    [TestCase("2024-01-01T23:59:59-08:00", 23, 59, 59)]
    [TestCase("2024-01-01T00:01+01", 0, 1, 0)]
    public void LocalStart_AcceptedForms_ReadAsWallClock(string text, int hour, int minute, int second)
    {
        var parsed = LocalStart.TryParse(text, out var wallClock);

        Assert.That((parsed, wallClock.Date, wallClock.Hour, wallClock.Minute, wallClock.Second),
            Is.EqualTo((true, new DateTime(2024, 1, 1), hour, minute, second)));
    }

    [TestCase("2024-01-01")]
    [TestCase("2024-01-01T24:00")]
    [TestCase("2024-02-30T10:00")]
    [TestCase("2024-01-01T10:00:61")]
    [TestCase("2024-01-01T10:00:00.")]
    [TestCase("2024-01-01T10:00:00+5")]
    [TestCase("2024-01-01T10:00:00 UTC")]
    [TestCase("0000-01-01T10:00")]
    [TestCase("2024-1-01T10:00")]
    public void LocalStart_Malformed_Rejected(string text)
    {
        Assert.That(LocalStart.TryParse(text, out _), Is.False);
    }

    [Test]
    public void LocalStart_Fraction_OrdersWithinTheSecond()
    {
        var parsed = LocalStart.TryParse("2024-01-01T10:00:00.25", out var early) & LocalStart.TryParse("2024-01-01T10:00:00.5", out var late);

        Assert.That((parsed, late.Ticks - early.Ticks), Is.EqualTo((true, TimeSpan.TicksPerMillisecond * 250)));
    }
}
