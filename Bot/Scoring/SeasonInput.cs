namespace Bot.Scoring;

/// <summary>Everything a season's standings are computed from: rules, activities, jokers and a date.</summary>
/// <param name="AsOf">"Today" in the challenge's time zone.</param>
public sealed record SeasonInput(
    int Season,
    DateOnly AsOf,
    Rules Rules,
    ActivityKinds Kinds,
    IReadOnlyList<MemberInput> Members);
