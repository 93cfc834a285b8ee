using System.Globalization;

namespace Bot.Texts;

/// <summary>
/// Numbers, amounts and dates as each language writes them: "1,234.50 €" and "Monday 7 December 2026" in English,
/// "1.234,50 €" and "Montag, 7. Dezember 2026" in German. Written out here because the bot runs without ICU
/// (InvariantGlobalization), where CultureInfo("de-DE") knows no German.
/// </summary>
internal static class Formats
{
    private const string AmountFormat = "#,0.00############";
    private const string NumberFormat = "0.############################";

    private static readonly NumberFormatInfo GermanNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private static readonly string[] GermanDays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"];

    private static readonly string[] GermanMonths =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    /// <summary>An amount with two decimals (more only when a cap has more), then the currency.</summary>
    public static string Money(Language language, decimal amount, string currency) =>
        $"{amount.ToString(AmountFormat, Numbers(language))} {currency}";

    /// <summary>A number as exact as it is: no trailing zeros, no grouping (points and targets are small).</summary>
    public static string Number(Language language, decimal value) => value.ToString(NumberFormat, Numbers(language));

    /// <summary>The weekday's name.</summary>
    public static string Day(Language language, DayOfWeek day) =>
        language == Language.German ? GermanDays[(int)day] : CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);

    /// <summary>The weekday's short name: "Mon" in English, "Mo" in German.</summary>
    public static string ShortDay(Language language, DayOfWeek day) =>
        language == Language.German ? GermanDays[(int)day][..2] : CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    /// <summary>A measure in a fixed pattern (e.g. "0.0" for MiB) with the language's decimal separator.</summary>
    public static string Number(Language language, double value, string format) => value.ToString(format, Numbers(language));

    /// <summary>A date with its weekday, day, month and year.</summary>
    public static string Date(Language language, DateOnly date) => language == Language.German
        ? string.Create(CultureInfo.InvariantCulture, $"{GermanDays[(int)date.DayOfWeek]}, {date.Day}. {GermanMonths[date.Month - 1]} {date.Year}")
        : date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date in figures: "2024-03-06" in English (as the bot always wrote it), "06.03.2024" in German.</summary>
    public static string ShortDate(Language language, DateOnly date) =>
        date.ToString(language == Language.German ? "dd.MM.yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date and time in figures: "2026-12-07 08:00" in English, "07.12.2026 08:00" in German.</summary>
    public static string ShortDateTime(Language language, DateTime time) =>
        $"{ShortDate(language, DateOnly.FromDateTime(time))} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    private static NumberFormatInfo Numbers(Language language) => language == Language.German ? GermanNumbers : NumberFormatInfo.InvariantInfo;
}
