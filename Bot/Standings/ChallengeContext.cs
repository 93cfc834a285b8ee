using Bot.Data.Repositories;

namespace Bot.Standings;

/// <summary>The challenge a command is about, and "today" in its time zone.</summary>
public sealed record ChallengeContext(ChallengeRow Challenge, DateOnly Today);
