using Bot.Scoring;

namespace Bot.Standings;

/// <summary>The wall-clock range of a season's activities: Monday of week 1 to the day after the last Sunday.</summary>
public static class SeasonWindow
{
    public static (DateTime From, DateTime To) For(int season)
    {
        var calendar = SeasonCalendar.For(season);
        var from = DateOnly.FromDayNumber(calendar.FirstMonday).ToDateTime(TimeOnly.MinValue);
        var to = DateOnly.FromDayNumber(calendar.EndExclusive).ToDateTime(TimeOnly.MinValue);
        return (from, to);
    }
}
