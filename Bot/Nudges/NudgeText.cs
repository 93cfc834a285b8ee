using System.Text;
using Bot.Texts;

namespace Bot.Nudges;

/// <summary>
/// Every text of the reminders and milestones, from the <see cref="Catalog"/>: answers in the invoker's language,
/// DMs and channel lines in the server's. Each is computed numbers only: no sport, title, time or distance of
/// anyone's activity.
/// </summary>
internal static class NudgeText
{
    public static string NotOn(Language language) => Catalog.Text(language, "remind.not_on");

    public static string Off(Language language) => Catalog.Text(language, "remind.off");

    /// <summary>Left for the member's next <c>/me</c> when Discord refused the reminder's DM.</summary>
    public static string SwitchedOff(Language language) => Catalog.Text(language, "remind.switched_off");

    public static string BadTime(string time, Language language) => Catalog.Text(language, "remind.bad_time", time);

    public static string On(DayOfWeek day, int minuteOfDay, string zone, Language language) =>
        Catalog.Text(language, "remind.on", Formats.Day(language, day), TimeOfDayText.Format(minuteOfDay), zone);

    /// <summary>The reminder's DM: where the member stands, what would close the gap, and the joker if any is left.</summary>
    public static string Reminder(int week, long points, decimal required, GapSuggestion? suggestion, int jokersLeft, Language language)
    {
        var gap = GapSuggestion.Gap(points, required);
        var text = new StringBuilder();
        text.Append(Catalog.Text(language, "reminder.standing", week, points, Formats.Number(language, required), gap)).Append('\n');
        if (suggestion is not null)
        {
            text.Append(Catalog.Text(language, "reminder.that_is", Activities(suggestion, language)));
            text.Append(suggestion.Activities > suggestion.DaysLeft ? Catalog.Text(language, "reminder.too_few_days", Days(suggestion.DaysLeft, language)) : "");
            text.Append(".\n");
        }

        if (jokersLeft > 0)
        {
            text.Append(Catalog.Text(language, "reminder.joker", jokersLeft)).Append('\n');
        }

        text.Append(Catalog.Text(language, "reminder.stop"));
        return text.ToString();
    }

    /// <summary>One member's line in a milestone post.</summary>
    public static string Milestone(string name, int week, long points, decimal required, Language language) =>
        Catalog.Text(language, "milestone.line", name, week, points, Formats.Number(language, required));

    // German names the sport as Strava and /rules do ("Run"); English puts it in words ("weight training").
    private static string Activities(GapSuggestion s, Language language)
    {
        var sport = language == Language.German ? s.Sport : GapSuggestion.SportWords(s.Sport);
        var minutes = Formats.Number(language, s.Minutes);
        return s.Activities == 1 ? Catalog.Text(language, "reminder.one", minutes, sport) : Catalog.Text(language, "reminder.many", s.Activities, minutes, sport);
    }

    private static string Days(int days, Language language) =>
        days == 1 ? Catalog.Text(language, "reminder.days_one") : Catalog.Text(language, "reminder.days_many", days);
}
