using Bot.Texts;

namespace Bot.Tests.Texts;

/// <summary>Amounts, numbers and dates per language, written by the bot itself (it runs without ICU).</summary>
[Category(TestCategories.Unit)]
public sealed class FormatsTests
{
    [TestCase(Language.English, "1234.5", "1,234.50 €")]
    [TestCase(Language.German, "1234.5", "1.234,50 €")]
    [TestCase(Language.German, "5", "5,00 €")]
    [TestCase(Language.German, "0.125", "0,125 €")]
    public void Money_Amount_DecimalSeparatorOfTheLanguage(Language language, string amount, string expected)
    {
        Assert.That(Formats.Money(language, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "€"), Is.EqualTo(expected));
    }

    [TestCase(Language.English, "2.50", "2.5")]
    [TestCase(Language.German, "2.50", "2,5")]
    [TestCase(Language.German, "10", "10")]
    public void Number_Decimal_NoTrailingZerosSeparatorOfTheLanguage(Language language, string value, string expected)
    {
        Assert.That(Formats.Number(language, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
    }

    [TestCase(Language.English, 2.0, "0.0", "2.0")]
    [TestCase(Language.German, 2.0, "0.0", "2,0")]
    [TestCase(Language.German, 7.96, "0.#", "8")]
    [TestCase(Language.German, 0.04, "0.0", "0,0")]
    public void Number_DoubleWithPattern_PatternKeptSeparatorOfTheLanguage(Language language, double value, string format, string expected)
    {
        Assert.That(Formats.Number(language, value, format), Is.EqualTo(expected));
    }

    [TestCase(DayOfWeek.Tuesday, "Di", "Tue")]
    [TestCase(DayOfWeek.Sunday, "So", "Sun")]
    public void ShortDay_BothLanguages_AbbreviatedWeekday(DayOfWeek day, string german, string english)
    {
        Assert.That((Formats.ShortDay(Language.German, day), Formats.ShortDay(Language.English, day)), Is.EqualTo((german, english)));
    }

    [TestCase(Language.English, "Monday 7 December 2026")]
    [TestCase(Language.German, "Montag, 7. Dezember 2026")]
    public void Date_AMonday_WeekdayAndMonthInTheLanguage(Language language, string expected)
    {
        Assert.That(Formats.Date(language, new DateOnly(2026, 12, 7)), Is.EqualTo(expected));
    }

    [TestCase(DayOfWeek.Sunday, "Sonntag")]
    [TestCase(DayOfWeek.Saturday, "Samstag")]
    public void Day_German_WeekdayName(DayOfWeek day, string expected)
    {
        Assert.That((Formats.Day(Language.German, day), Formats.Day(Language.English, day)), Is.EqualTo((expected, day.ToString())));
    }

    [TestCase(Language.English, "2026-03-06 08:05")]
    [TestCase(Language.German, "06.03.2026 08:05")]
    public void ShortDateTime_AMorning_DateInFiguresThenTheTime(Language language, string expected)
    {
        Assert.That(Formats.ShortDateTime(language, new DateTime(2026, 3, 6, 8, 5, 0, DateTimeKind.Utc)), Is.EqualTo(expected));
    }
}
