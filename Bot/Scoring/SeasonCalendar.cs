using System.Globalization;

namespace Bot.Scoring;

/// <summary>The ISO weeks of a season year, as day numbers (<see cref="DateOnly.DayNumber"/>).</summary>
public readonly record struct SeasonCalendar(int Season, int FirstMonday, int WeekCount)
{
    public const int MinSeason = 1;
    public const int MaxSeason = 9998;

    public static SeasonCalendar For(int season)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(season, MinSeason);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(season, MaxSeason);
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(season, 1, DayOfWeek.Monday));
        return new SeasonCalendar(season, monday.DayNumber, ISOWeek.GetWeeksInYear(season));
    }

    /// <summary>The first day after the season's last Sunday.</summary>
    public int EndExclusive => FirstMonday + (7 * WeekCount);

    public DateOnly Monday(int week) => DateOnly.FromDayNumber(FirstMonday + (7 * (week - 1)));

    public DateOnly Sunday(int week) => DateOnly.FromDayNumber(FirstMonday + (7 * week) - 1);

    /// <summary>The season week (1-based) that contains the day, or 0 when the day is outside the season.</summary>
    public int WeekOf(int dayNumber) =>
        dayNumber >= FirstMonday && dayNumber < EndExclusive ? ((dayNumber - FirstMonday) / 7) + 1 : 0;

    /// <summary>The last week that is complete or in progress on <paramref name="asOf"/> (0: none yet).</summary>
    public int LastReportedWeek(DateOnly asOf)
    {
        var day = asOf.DayNumber;
        if (day < FirstMonday)
        {
            return 0;
        }

        return day >= EndExclusive ? WeekCount : ((day - FirstMonday) / 7) + 1;
    }

    /// <summary>The week containing <paramref name="asOf"/>, or 0 when it lies outside the season.</summary>
    public int InProgressWeek(DateOnly asOf) => WeekOf(asOf.DayNumber);
}
