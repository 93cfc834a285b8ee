namespace Bot.Recaps;

/// <summary>
/// What a weekly recap says: the closed week's rows (members who agreed to channel reports), how many are not shown,
/// the pot so far and the longest run of passed weeks ending in the week.
/// </summary>
/// <param name="Ledger">Each shown member's season total (for the season close), highest first.</param>
public sealed record Recap(
    int Season,
    int Week,
    bool Late,
    bool LastWeek,
    decimal PointsRequired,
    IReadOnlyList<RecapRow> Rows,
    int Hidden,
    decimal Pot,
    (IReadOnlyList<string> Names, int Weeks)? LongestRun,
    IReadOnlyList<(string Name, decimal Total)> Ledger);
