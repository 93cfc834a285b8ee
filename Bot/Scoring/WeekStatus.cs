namespace Bot.Scoring;

public enum WeekStatus
{
    Passed,
    Failed,
    Joker,
    InProgress,
}
