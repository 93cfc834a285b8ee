namespace Bot.Testing;

/// <summary>A stored member: the member row and, when the world has a challenge, their participation in it.</summary>
internal sealed record SeededMember(long Id, long? ParticipationId);
