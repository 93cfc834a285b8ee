namespace Bot.Scoring;

/// <summary>One member of a season: who, the weeks they spent jokers on, and their activities in any order.</summary>
/// <param name="NoDataFromWeek">
/// The first week the bot has no trustworthy data for (the member's Strava link broke then): that week and every
/// later one are <see cref="WeekStatus.NoData"/>, charge nothing and leave the streak alone. Null: all data is there.
/// </param>
public sealed record MemberInput(
    string Id,
    string Name,
    IReadOnlyCollection<int> JokerWeeks,
    IReadOnlyList<ActivityInput> Activities,
    int? NoDataFromWeek = null);
