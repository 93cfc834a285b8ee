namespace Bot.Scoring;

/// <summary>One member's result for one week (null when the week is not reported), or an error.</summary>
public sealed record MemberWeek(string Id, string Name, WeekResult? Result, string? Error);
