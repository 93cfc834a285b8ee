namespace Bot.Data.Queries;

/// <summary>Everything a season's tally reads, from one consistent snapshot.</summary>
/// <param name="Members">Ordered by participation id.</param>
/// <param name="Activities">Participants' activities in range, ordered by member id, local start, id.</param>
/// <param name="Jokers">Ordered by participation id, week.</param>
/// <param name="Kinds">Every activity kind, for the activities' kind ids.</param>
/// <param name="FrozenWeeks">The frozen weeks of members who left, ordered by participation id, week.</param>
public sealed record SeasonData(
    IReadOnlyList<SeasonMemberRow> Members,
    IReadOnlyList<SeasonActivityRow> Activities,
    IReadOnlyList<SeasonJokerRow> Jokers,
    IReadOnlyList<ActivityKindRow> Kinds,
    IReadOnlyList<FrozenWeekRow>? FrozenWeeks = null);
