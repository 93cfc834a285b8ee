using System.Globalization;

namespace Bot.Nudges;

/// <summary>A wall-clock time as members type it and read it: <c>HH:MM</c>, 24-hour.</summary>
internal static class TimeOfDayText
{
    /// <summary>Minutes after midnight of a <c>HH:MM</c> (or <c>H:MM</c>) time; false for anything else.</summary>
    public static bool TryParse(string? text, out int minuteOfDay)
    {
        minuteOfDay = 0;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        minuteOfDay = (hours * 60) + minutes;
        return true;
    }

    public static string Format(int minuteOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}");
}
