using Bot.Standings;

namespace Bot.Tests.Standings;

/// <summary>Which season week a member's loss of Strava data dates from, in the challenge's time zone.</summary>
[Category(TestCategories.Unit)]
public sealed class SeasonInputMapperTests
{
    private static readonly TimeZoneInfo Vienna = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna");

    [Test]
    public void NoDataFromWeek_SundayLateUtcIsMondayInVienna_CountsFromTheLocalWeek()
    {
        var sundayLateUtc = new DateTime(2026, 3, 8, 23, 30, 0, DateTimeKind.Utc);

        Assert.Multiple(() =>
        {
            Assert.That(SeasonInputMapper.NoDataFromWeek(2026, sundayLateUtc, Vienna), Is.EqualTo(11));
            Assert.That(SeasonInputMapper.NoDataFromWeek(2026, sundayLateUtc, TimeZoneInfo.Utc), Is.EqualTo(10));
        });
    }

    [Test]
    public void NoDataFromWeek_OutsideTheSeason_WholeSeasonOrNone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SeasonInputMapper.NoDataFromWeek(2026, null, Vienna), Is.Null);
            Assert.That(SeasonInputMapper.NoDataFromWeek(2026, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), Vienna), Is.EqualTo(1));
            Assert.That(SeasonInputMapper.NoDataFromWeek(2026, new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc), Vienna), Is.Null);
            Assert.That(SeasonInputMapper.NoDataFromWeek(2026, new DateTime(2027, 1, 2, 12, 0, 0, DateTimeKind.Utc), Vienna), Is.EqualTo(53),
                "2 January 2027 is still in 2026-W53");
        });
    }
}
