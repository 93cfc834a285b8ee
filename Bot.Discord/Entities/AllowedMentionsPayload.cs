namespace Bot.Discord.Entities;

/// <summary><c>{"parse": []}</c>: echoed user text never pings anyone.</summary>
internal sealed record AllowedMentionsPayload(IReadOnlyList<string> Parse)
{
    public static AllowedMentionsPayload None { get; } = new([]);
}
