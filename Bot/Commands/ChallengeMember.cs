using Bot.Data.Repositories;
using Bot.Standings;

namespace Bot.Commands;

/// <summary>This server's current challenge and the invoker's place in it, as <see cref="RequireMemberAttribute"/> gives them.</summary>
public sealed record ChallengeMember(ChallengeContext Found, ParticipantRow Me);
