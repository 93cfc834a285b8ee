using Bot.Nudges;

namespace Bot.Tests.Nudges;

[Category(TestCategories.Unit)]
public sealed class TimeOfDayTextTests
{
    [TestCase("18:00", 1080)]
    [TestCase("7:05", 425)]
    [TestCase("00:00", 0)]
    [TestCase(" 23:59 ", 1439)]
    public void TryParse_ValidTime_GivesMinutesAfterMidnight(string text, int expected)
    {
        var ok = TimeOfDayText.TryParse(text, out var minute);

        Assert.That((ok, minute), Is.EqualTo((true, expected)));
    }

    [TestCase("24:00")]
    [TestCase("18:60")]
    [TestCase("18")]
    [TestCase("6pm")]
    [TestCase("18:0")]
    [TestCase("-1:00")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_NotATime_IsFalse(string? text)
    {
        Assert.That(TimeOfDayText.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Format_MinuteOfDay_IsTwoDigitHoursAndMinutes()
    {
        Assert.That(TimeOfDayText.Format(425), Is.EqualTo("07:05"));
    }
}
