using Bot.Scoring;
using Bot.Texts;

namespace Bot.Standings;

/// <summary>
/// A member's week as its channel mark (✅, ❌ with the amount, 🃏, ❔), shared by /week and the recap. Only the
/// wording of a week without data differs between them, so the caller names those two catalog keys.
/// </summary>
public static class WeekStatusText
{
    public static string For(
        WeekResult result, MemberState state, string currency, Language language, string syncingKey, string noDataKey) =>
        result.Status switch
        {
            WeekStatus.Passed => "✅",
            WeekStatus.Failed => $"❌ {Formats.Money(language, result.Amount, currency)}",
            WeekStatus.Joker => Catalog.Text(language, "status.joker"),
            WeekStatus.NoData when state == MemberState.Syncing => Catalog.Text(language, syncingKey),
            WeekStatus.NoData => Catalog.Text(language, noDataKey),
            _ => Catalog.Text(language, "status.in_progress"),
        };
}
