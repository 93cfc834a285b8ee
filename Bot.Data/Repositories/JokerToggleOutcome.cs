namespace Bot.Data.Repositories;

public enum JokerToggleOutcome
{
    /// <summary>The week had no joker; one was spent on it.</summary>
    Spent,

    /// <summary>The week had a joker; it was taken back and refunded.</summary>
    Refunded,

    /// <summary>The week had no joker and none is left; nothing changed.</summary>
    NoneLeft,
}
