using Bot.Scoring;

namespace Bot.Testing.Generation;

/// <summary>A synthetic season, in Strava's terms and already mapped to scoring's input.</summary>
internal sealed record GeneratedSeason(
    int Season,
    DateOnly AsOf,
    IReadOnlyList<GeneratedMember> Members,
    SeasonInput Input)
{
    public int ActivityCount => Members.Sum(member => member.Activities.Length);
}
