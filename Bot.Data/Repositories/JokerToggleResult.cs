namespace Bot.Data.Repositories;

public sealed record JokerToggleResult(JokerToggleOutcome Outcome, int JokersLeft);
