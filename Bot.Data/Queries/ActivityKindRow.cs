namespace Bot.Data.Queries;

/// <summary>A (legacy type, sport type) pair by its number.</summary>
public sealed record ActivityKindRow(long Id, string? Type, string? SportType);
