namespace Bot.Data.Queries;

/// <summary>A member's activities in a week: how many, and when the bot stored the latest of them (UTC).</summary>
public readonly record struct MemberWeekStamp(int Activities, DateTime LatestStoredUtc);
