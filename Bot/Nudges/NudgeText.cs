using System.Globalization;
using System.Text;
using Bot.Scoring;

namespace Bot.Nudges;

/// <summary>
/// Every text of the reminders and milestones, in one place (a catalog per language can take them over). Each is
/// computed numbers only: no sport, title, time or distance of anyone's activity.
/// </summary>
internal static class NudgeText
{
    public const string NotOn = "You have no reminder on here. Nothing changed.";

    public const string Off = "Reminder off: you get no more reminders from this server.";

    /// <summary>Left for the member's next <c>/me</c> when Discord refused the reminder's DM.</summary>
    public const string SwitchedOff =
        "⚠️ Your reminder is off: Discord did not let the bot send you a direct message. Allow direct messages from this server's members, then `/remind on` again.";

    public static string BadTime(string time) =>
        $"`{time}` is not a time: give it as HH:MM, e.g. 18:00. Nothing changed.";

    public static string On(DayOfWeek day, int minuteOfDay, string zone) =>
        $"Reminder on: every {day} at {TimeOfDayText.Format(minuteOfDay)} ({zone}) you get a direct message if you are below the week's target and have no joker on it. `/remind off` stops it.";

    /// <summary>The reminder's DM: where the member stands, what would close the gap, and the joker if any is left.</summary>
    public static string Reminder(int week, long points, decimal required, GapSuggestion? suggestion, int jokersLeft)
    {
        var gap = GapSuggestion.Gap(points, required);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Week {week}: {points} of {DecimalText.Format(required)} points this week — {gap} to go.**\n");
        if (suggestion is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"That is {Activities(suggestion)}");
            text.Append(suggestion.Activities > suggestion.DaysLeft
                ? string.Create(CultureInfo.InvariantCulture, $" — more than the {Days(suggestion.DaysLeft)} left this week, as each day counts once.\n")
                : ".\n");
        }

        if (jokersLeft > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Or keep the week free with `/joker` ({jokersLeft} left).\n");
        }

        text.Append("`/remind off` in the server stops these reminders.");
        return text.ToString();
    }

    /// <summary>One member's line in a milestone post.</summary>
    public static string Milestone(string name, int week, long points, decimal required) =>
        string.Create(CultureInfo.InvariantCulture, $"✅ {name} made week {week}: {points}/{DecimalText.Format(required)}");

    private static string Activities(GapSuggestion s)
    {
        var one = $"{DecimalText.Format(s.Minutes)}-minute {GapSuggestion.SportWords(s.Sport)}";
        return s.Activities == 1 ? $"one {one}" : string.Create(CultureInfo.InvariantCulture, $"{s.Activities} × a {one}, each on its own day");
    }

    private static string Days(int days) => days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");
}
