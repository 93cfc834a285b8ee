namespace Bot.Data.Repositories;

/// <summary>What a member's leaving did: weeks frozen, activities and queued webhook events deleted.</summary>
public sealed record DepartureOutcome(int FrozenWeeks, int DeletedActivities, int DeletedEvents);
