namespace Bot.Scoring;

/// <param name="Streak">The streak before this week's status was applied.</param>
public readonly record struct WeekResult(int Week, long Points, WeekStatus Status, int Streak, decimal Amount);
