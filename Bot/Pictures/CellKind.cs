namespace Bot.Pictures;

/// <summary>What one week cell of the season picture shows.</summary>
public enum CellKind
{
    /// <summary>A week the season does not count (before its start week).</summary>
    NotCounted,
    Passed,
    Failed,
    Joker,
    InProgress,
    Future,

    /// <summary>The member's data is missing (Strava link broken): unknown, charged nothing.</summary>
    NoData,
}
