namespace Bot.Scoring;

/// <summary>One member of a season: who, the weeks they spent jokers on, and their activities in any order.</summary>
public sealed record MemberInput(
    string Id,
    string Name,
    IReadOnlyCollection<int> JokerWeeks,
    IReadOnlyList<ActivityInput> Activities);
