namespace Bot.Data.Repositories;

/// <summary>One of a member's own activities, for their private views. <paramref name="StartLocal"/> is wall-clock.</summary>
public sealed record MemberActivityRow(long Id, string? Name, string? Type, string? SportType, DateTime StartLocal, int MovingTime, int ElapsedTime);
