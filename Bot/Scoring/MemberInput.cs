namespace Bot.Scoring;

/// <summary>One member of a season: who, the weeks they spent jokers on, and their activities in any order.</summary>
/// <param name="NoDataFromWeek">
/// The first week the bot has no trustworthy data for (the member's Strava link broke then): that week and every
/// later one are <see cref="WeekStatus.NoData"/>, charge nothing and leave the streak alone. Null: all data is there.
/// </param>
/// <param name="State">
/// <see cref="MemberState.Syncing"/>: no data for any week yet (as if <paramref name="NoDataFromWeek"/> were the first).
/// </param>
/// <param name="FrozenWeeks">
/// Results computed earlier and kept as they were (the member left and their activities are gone): these are the
/// member's weeks, up to the last reported week, whatever the activities and jokers say. Null: computed as usual.
/// </param>
public sealed record MemberInput(
    string Id,
    string Name,
    IReadOnlyCollection<int> JokerWeeks,
    IReadOnlyList<ActivityInput> Activities,
    int? NoDataFromWeek = null,
    MemberState State = MemberState.Active,
    IReadOnlyList<WeekResult>? FrozenWeeks = null);
