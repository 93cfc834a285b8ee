namespace Bot.Scoring;

public enum WeekStatus
{
    Passed,
    Failed,
    Joker,
    InProgress,

    /// <summary>The bot could not get the member's data for this week (Strava link broken): unknown, never charged automatically.</summary>
    NoData,
}
