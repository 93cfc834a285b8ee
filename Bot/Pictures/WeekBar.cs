using Bot.Scoring;

namespace Bot.Pictures;

/// <summary>One member's bar in the week picture.</summary>
public sealed record WeekBar(string Name, long Points, WeekStatus Status, decimal Amount);
