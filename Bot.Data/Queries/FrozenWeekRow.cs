namespace Bot.Data.Queries;

/// <summary>A frozen week of a member who left; <paramref name="Status"/> as the standings JSON names it.</summary>
public sealed record FrozenWeekRow(long ParticipationId, int Week, long Points, string Status, int Streak, decimal Amount);
