namespace Bot.Testing;

/// <summary>What <see cref="WorldBuilder.SeedAsync"/> stored: the challenge and each member's ids, by first name (by full name where first names repeat).</summary>
internal sealed record SeededWorld(long ChallengeId, IReadOnlyDictionary<string, SeededMember> Members, int Activities)
{
    public SeededMember this[string name] => Members[name];
}
