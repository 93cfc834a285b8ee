namespace Bot.Testing.Generation;

/// <summary>One synthetic member: activities sorted by (local start, id), as the database returns them.</summary>
internal sealed record GeneratedMember(
    string Id,
    string Name,
    int[] JokerWeeks,
    GeneratedActivity[] Activities);
