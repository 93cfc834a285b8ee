namespace Bot.Data.Repositories;

/// <summary>A season just started, and how many members were carried over from the previous one.</summary>
public sealed record SeasonStart(ChallengeRow Challenge, int MembersCarriedOver);
