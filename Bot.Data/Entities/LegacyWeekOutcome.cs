namespace Bot.Data.Entities;

/// <summary>The old bot's week result code ("N_R"), stored as its number.</summary>
public enum LegacyWeekOutcome
{
    Failed = 0,
    Passed = 1,
    Joker = 2,
}
