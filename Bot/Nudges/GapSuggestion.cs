using System.Text;
using Bot.Scoring;

namespace Bot.Nudges;

/// <summary>
/// What would close a week's gap under the season's rules, said simply and honestly: one regular point per day
/// (SCORING.md: a date scores once), each from the sport with the lowest threshold. Walks are left out because the
/// walk limit may already be used; HIT pairs and multi-day activities are left out as too clever for a reminder.
/// </summary>
internal sealed record GapSuggestion(int Activities, string Sport, decimal Minutes, int DaysLeft)
{
    /// <summary>Null when no sport earns a regular point under these rules (nothing simple to suggest).</summary>
    public static GapSuggestion? For(Rules rules, int gap, int daysLeft)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gap, 1);
        var easiest = rules.SportMinutes
            .Where(s => s.Key != "Walk")
            .OrderBy(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (Sport: s.Key, Minutes: s.Value))
            .FirstOrDefault();
        return easiest.Sport is null ? null : new GapSuggestion(gap, easiest.Sport, easiest.Minutes, daysLeft);
    }

    /// <summary>The points still missing: the target minus the points, rounded up (a target of 2.5 needs 3).</summary>
    public static int Gap(long points, decimal required) => points >= required ? 0 : (int)Math.Ceiling(required - points);

    /// <summary>Days left in the week, today included (Sunday: 1).</summary>
    public static int DaysLeftIn(DateOnly today) => today.DayOfWeek == DayOfWeek.Sunday ? 1 : 8 - (int)today.DayOfWeek;

    /// <summary>The sport as words: <c>WeightTraining</c> → "weight training".</summary>
    public static string SportWords(string sport)
    {
        var words = new StringBuilder();
        foreach (var c in sport)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
